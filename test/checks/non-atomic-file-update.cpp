// RUN: %check_async_tidy %s async-non-atomic-file-update %t -- -std=c++17

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

// ---- positives -------------------------------------------------------------

// The reviews' index file: read, updated, written back over itself. Two
// savers at once, or a crash mid-write, lose checkpoints.
class CheckpointIndex {
public:
  void add(const std::string &checkpoint) {
    std::vector<std::string> entries;
    {
      std::ifstream in(path_);
      std::string line;
      while (std::getline(in, line))
        entries.push_back(line);
    }
    entries.push_back(checkpoint);
    std::ofstream out(path_);
    for (const auto &entry : entries)
      out << entry << '\n';
  }
  // CHECK-NOTES: :[[@LINE-4]]:19: warning: file is rewritten in place after it was read: a crash or a concurrent writer during the write loses or tears it [async-non-atomic-file-update]
  // CHECK-NOTES: :[[@LINE-11]]:21: note: it is read here
  // CHECK-NOTES: :[[@LINE-6]]:19: note: write a temporary file next to it and rename it over the original (std::filesystem::rename)

private:
  std::string path_ = "index.txt";
};

// The C library, with a filesystem path.
void bumpCounter(const std::filesystem::path &file) {
  int value = 0;
  if (FILE *in = std::fopen(file.c_str(), "r")) {
    if (std::fscanf(in, "%d", &value) != 1)
      value = 0;
    std::fclose(in);
  }
  if (FILE *out = std::fopen(file.c_str(), "w")) {
    std::fprintf(out, "%d\n", value + 1);
    std::fclose(out);
  }
  // CHECK-NOTES: :[[@LINE-4]]:19: warning: file is rewritten in place after it was read
  // CHECK-NOTES: :[[@LINE-10]]:18: note: it is read here
  // CHECK-NOTES: :[[@LINE-6]]:19: note: write a temporary file next to it
}

// A stream reopened for writing.
void normalise(const std::string &name) {
  std::fstream file(name, std::ios::in);
  std::string text;
  file >> text;
  file.close();
  file.open(name, std::ios::out | std::ios::trunc);
  file << text;
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: file is rewritten in place after it was read
  // CHECK-NOTES: :[[@LINE-7]]:16: note: it is read here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: write a temporary file next to it
}

// Paths that a call computes: the same call twice is the same path.
class Store {
public:
  std::filesystem::path indexPath() const { return dir_ / "index"; }
  void rewriteIndex() {
    std::ifstream in(indexPath());
    std::string text;
    in >> text;
    std::ofstream out(indexPath());
    out << text;
  }
  // CHECK-NOTES: :[[@LINE-3]]:19: warning: file is rewritten in place after it was read
  // CHECK-NOTES: :[[@LINE-7]]:19: note: it is read here
  // CHECK-NOTES: :[[@LINE-5]]:19: note: write a temporary file next to it
  void rewriteJoined() {
    std::ifstream in(dir_ / "index");
    std::string text;
    in >> text;
    std::filesystem::resize_file(dir_ / "index", 0);
  }
  // CHECK-NOTES: :[[@LINE-2]]:5: warning: file is rewritten in place after it was read
  // CHECK-NOTES: :[[@LINE-6]]:19: note: it is read here
  // CHECK-NOTES: :[[@LINE-4]]:5: note: write a temporary file next to it

  // The read in load() and the rewrite in save() of the object's file.
  void load() {
    std::ifstream in(state_);
    in >> count_;
  }
  void save() {
    std::ofstream out(state_);
    out << count_;
  }
  // CHECK-NOTES: :[[@LINE-3]]:19: warning: file is rewritten in place after it was read
  // CHECK-NOTES: :[[@LINE-8]]:19: note: it is read here, in 'load'
  // CHECK-NOTES: :[[@LINE-5]]:19: note: write a temporary file next to it
  void restore(const std::filesystem::path &backup) {
    std::filesystem::copy_file(backup, state_,
                               std::filesystem::copy_options::overwrite_existing);
  }
  // CHECK-NOTES: :[[@LINE-3]]:5: warning: file is rewritten in place after it was read
  // CHECK-NOTES: :[[@LINE-15]]:19: note: it is read here, in 'load'
  // CHECK-NOTES: :[[@LINE-5]]:5: note: write a temporary file next to it

private:
  std::filesystem::path dir_ = "data";
  std::filesystem::path state_ = "data/state";
  int count_ = 0;
};

// Opened to be read and overwritten where it stands.
void patchHeader(const std::string &path) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  char header[4];
  file.read(header, sizeof header);
  file.seekp(0);
  file.write("DONE", 4);
  // CHECK-NOTES: :[[@LINE-5]]:16: warning: file is opened to be read and rewritten in place: a crash or a concurrent writer during the write loses or tears it
  // CHECK-NOTES: :[[@LINE-6]]:16: note: write a temporary file next to it
}
void patchCounter(const char *path) {
  if (FILE *file = std::fopen(path, "r+"))
    std::fclose(file);
  // CHECK-NOTES: :[[@LINE-2]]:20: warning: file is opened to be read and rewritten in place
  // CHECK-NOTES: :[[@LINE-3]]:20: note: write a temporary file next to it
}

// ---- must not flag -----------------------------------------------------------

// A path that changes between the read and the write; a stream opened with
// the default mode (taken as a read); another object's file.
void rotate(std::vector<std::string> &names, std::size_t i) {
  std::ifstream in(names[i++]);
  std::ofstream out(names[i++]);
}
void inspect(const std::string &path) {
  std::fstream file(path);
  std::string text;
  file >> text;
}
class Exporter {
public:
  void write() { std::ofstream out(target_); }

private:
  std::string target_ = "export.txt";
};
class Importer {
public:
  void read() { std::ifstream in(target_); }

private:
  std::string target_ = "export.txt";
};

// Written to a temporary, then renamed over the original.
void addSafely(const std::filesystem::path &index, const std::string &entry) {
  std::vector<std::string> entries;
  {
    std::ifstream in(index);
    std::string line;
    while (std::getline(in, line))
      entries.push_back(line);
  }
  entries.push_back(entry);
  std::filesystem::path temporary = index;
  temporary += ".tmp";
  {
    std::ofstream out(temporary);
    for (const auto &e : entries)
      out << e << '\n';
  }
  std::filesystem::rename(temporary, index);
}

// Appending, reading another file, writing without reading.
void append(const std::string &log, const std::string &line) {
  std::ifstream in(log);
  std::ofstream out(log, std::ios::app);
  out << line << '\n';
}
void copyOver(const std::string &from, const std::string &to) {
  std::ifstream in(from);
  std::ofstream out(to);
  out << in.rdbuf();
}
void overwrite(const std::string &path) {
  std::ofstream out(path);
  out << "fresh\n";
}

// Definitions without a body (defaulted, deleted), which the check now
// meets too: nothing to walk, and no crash.
class StateFile {
public:
  StateFile() = default;
  StateFile(const StateFile &) = delete;
  StateFile &operator=(StateFile &&) = default;
  void load() { std::ifstream in(path_); }

private:
  std::string path_ = "state.txt";
};
void unused(int) = delete;
