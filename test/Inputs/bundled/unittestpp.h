// Stands in for the copy of UnitTest++ that a project bundles under this
// name (cpprestsdk does): only its name matters to the test-code rule.
#pragma once
#define TEST(name) void test_##name()
