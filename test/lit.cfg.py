# -*- Python -*-
# lit configuration of the asynctidy tests. The build writes lit.site.cfg.py,
# which sets the paths below and then loads this file.
import os

import lit.formats

config.name = "asynctidy-llvm" + config.llvm_major + (
    "-sanitize" if config.sanitize else "")
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "probes", "check_async_tidy.py", "check_lists.py"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
config.test_exec_root = os.path.join(config.build_dir, "test")
# The tests that install the package with dpkg run one at a time.
lit_config.parallelism_groups["dpkg"] = 1

# FileCheck, not and the clang of the version under test come first.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin_dir, config.environment.get("PATH", os.environ["PATH"])])

# clang-tidy 14 reads CheckOptions only as a list of keys and values: its
# tests run it through a wrapper that rewrites the mapping form of -config.
if config.llvm_major == "14":
    config.environment["ASYNCTIDY_REAL_CLANG_TIDY"] = config.clang_tidy
    config.clang_tidy = os.path.join(config.test_source_root,
                                     "clang_tidy_list_options.py")

# ... and dumps them in that form: %options_as_mapping turns it into the
# mapping form that the tests read (and leaves that form as it is).
config.substitutions.append(("%options_as_mapping", "%s %s" % (
    config.python,
    os.path.join(config.test_source_root, "Inputs", "options_as_mapping.py"))))

# How a clang-tidy of another version refuses this module (errors/
# version-mismatch.test): the module's own guard, or before it, for modules
# of LLVM 14 and 15, the dynamic loader.
config.substitutions.append(("%mismatch_prefix", (
    "LOADER" if config.llvm_major in ("14", "15") else "GUARD")))

driver = " ".join([
    config.python, os.path.join(config.test_source_root, "check_async_tidy.py"),
    "--clang-tidy", config.clang_tidy, "--module", config.module,
    "--clang", config.clang, "--filecheck", config.filecheck])
inputs = os.path.join(config.test_source_root, "Inputs")
examples = os.path.join(os.path.dirname(config.test_source_root), "examples")

config.substitutions.append(("%check_async_tidy", driver))
config.substitutions.append(("%clang_tidy_plain", config.clang_tidy))
config.substitutions.append(
    ("%clang_tidy", config.clang_tidy + " -load=" + config.module))
config.substitutions.append(
    ("%probe_tidy", config.clang_tidy + " -load=" + config.probe_module))
config.substitutions.append(("%module", config.module))
config.substitutions.append(("%asynctidy_clangd", config.clangd))
config.substitutions.append(
    ("%lsp_client", config.python + " " +
     os.path.join(config.test_source_root, "lsp_client.py")))
# run-clang-tidy with the module loaded: run-clang-tidy 14 has no -load, so
# there the clang-tidy wrapper above loads it.
if config.llvm_major == "14":
    config.environment["ASYNCTIDY_LOAD_MODULE"] = config.module
    load_module = ""
else:
    load_module = " -load=" + config.module
config.substitutions.append(
    ("%run_clang_tidy", os.path.join(config.llvm_bin_dir, "run-clang-tidy") +
     " -clang-tidy-binary " + config.clang_tidy +
     " -clang-apply-replacements-binary " +
     os.path.join(config.llvm_bin_dir, "clang-apply-replacements") +
     load_module))
config.substitutions.append(
    ("%apply_replacements",
     os.path.join(config.llvm_bin_dir, "clang-apply-replacements")))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%examples", examples))
config.substitutions.append(("%llvm_major", config.llvm_major))
config.substitutions.append(("%other_llvm_major", config.other_llvm_major))
config.substitutions.append(
    ("%other_clang_tidy", "/usr/lib/llvm-%s/bin/clang-tidy" % config.other_llvm_major))

config.available_features.add("llvm-" + config.llvm_major)
# Tests whose subject does not change with the LLVM version (every option's
# parsing, the benchmark, the Bazel aspect, the editor, the SARIF validator)
# need "once": scripts/test.sh runs them with the first version it tests and
# passes --param once=0 for the others, to keep CI within its hour.
if lit_config.params.get("once", "1") != "0":
    config.available_features.add("once")
# In a sanitizer build any report aborts the process (so that the test
# fails) and is also written under sanitizer-reports/, which scripts/test.sh
# requires to be empty. clang-tidy itself is not instrumented: its leaks at
# exit are not ours, so leak detection is off.
if config.clangd:
    config.available_features.add("clangd")
if config.sanitize:
    config.available_features.add("sanitizers")
    # Made here: the runtime creates a missing log directory itself, and two
    # tests that start at once race to do it ("Can't create directory").
    os.makedirs(config.sanitizer_reports, exist_ok=True)
    options = "abort_on_error=1:print_stacktrace=1:log_path=%s/" % (
        config.sanitizer_reports)
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0:" + options + "asan"
    config.environment["UBSAN_OPTIONS"] = "halt_on_error=1:" + options + "ubsan"
config.substitutions.append(("%build_dir", config.build_dir))
# The whole-program merge, and the wrapper that runs run-clang-tidy and then
# the merge (with the clang-tidy under test: the sanitizer build's needs its
# runtime preloaded).
config.substitutions.append(
    ("%merge", os.path.join(config.build_dir, "bin", "asynctidy-merge")))
config.substitutions.append(
    ("%whole_program", "env ASYNCTIDY_CLANG_TIDY=%s %s" % (
        config.clang_tidy,
        os.path.join(config.build_dir, "bin", "asynctidy-whole-program"))))
# Installing the Debian package needs root and dpkg (CI has both).
if hasattr(os, "geteuid") and os.geteuid() == 0 and os.path.exists("/usr/bin/dpkg"):
    config.available_features.add("dpkg-root")
config.substitutions.append(
    ("%sarif", os.path.join(config.build_dir, "bin", "asynctidy-sarif")))
# Microsoft's SARIF Multitool, from npm (scripts/setup.sh installs it in
# build/npm when npm is there), to validate the SARIF that asynctidy writes.
multitool = os.environ.get("ASYNCTIDY_SARIF_MULTITOOL") or os.path.join(
    os.path.dirname(config.test_source_root), "build", "npm", "node_modules",
    ".bin", "sarif-multitool")
if os.path.exists(multitool):
    config.available_features.add("sarif-multitool")
    config.substitutions.append(("%multitool", multitool))
# Debian's Neovim, for the headless editor test.
if os.path.exists("/usr/bin/nvim"):
    config.available_features.add("neovim")
# Debian's bazel-bootstrap, for the test of the Bazel aspect.
if os.path.exists("/usr/bin/bazel"):
    config.available_features.add("bazel")
if os.path.exists("/usr/lib/llvm-%s/bin/clang-tidy" % config.other_llvm_major):
    config.available_features.add("other-clang-tidy")
