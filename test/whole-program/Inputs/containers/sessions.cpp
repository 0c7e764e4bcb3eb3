#include "service.h"

void Sessions::open(int Id) {
  std::lock_guard<std::mutex> Lock(Mu);
  Open.push_back(Id);
}

void Mailbox::post(std::string Message) {
  std::lock_guard<std::mutex> Lock(Mu);
  Pending.push_back(std::move(Message));
}

void Jobs::submit(int Job) {
  std::lock_guard<std::mutex> Lock(Mu);
  ById[Next++] = Job;
}

void Archive::keep(int Record) {
  std::lock_guard<std::mutex> Lock(Mu);
  Kept.push_back(Record);
}
