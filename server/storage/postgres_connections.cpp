#include "storage/postgres_connections.h"

#include <cstdlib>
#include <stdexcept>

namespace support::server {
namespace {

std::string trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

std::string PgResult::text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::int64_t PgResult::number(int row, int column) const {
  return std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}

std::string PgResult::bytes(int row, int column) const {
  std::size_t length = 0;
  unsigned char* unescaped =
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row, column)), &length);
  if (!unescaped) throw std::runtime_error("PostgreSQL: out of memory reading a BYTEA value");
  std::string out(reinterpret_cast<const char*>(unescaped), length);
  PQfreemem(unescaped);
  return out;
}

PgResult PgConnection::run(const char* sql, const PgParams& params, const std::vector<int>& raw_bytes) {
  std::vector<const char*> values;
  std::vector<int> lengths(params.size(), 0);
  std::vector<int> formats(params.size(), 0);  // 0: text, 1: binary (length given)
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  for (int number : raw_bytes) {
    const std::size_t i = static_cast<std::size_t>(number - 1);
    if (i >= params.size() || !params[i]) continue;
    formats[i] = 1;
    lengths[i] = static_cast<int>(params[i]->size());
  }
  PGresult* raw = PQexecParams(connection_, sql, static_cast<int>(values.size()), nullptr, values.data(),
                               lengths.data(), formats.data(), 0);
  const ExecStatusType status = PQresultStatus(raw);  // a null result (out of memory) is a fatal error
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const std::string message = raw ? trimmed(PQresultErrorMessage(raw)) : trimmed(PQerrorMessage(connection_));
    PQclear(raw);
    throw std::runtime_error("PostgreSQL: " + message);
  }
  return PgResult(raw);
}

void PgConnection::run_script(const char* sql) {
  PgResult result(PQexec(connection_, sql));
  if (PQresultStatus(result.raw()) != PGRES_COMMAND_OK && PQresultStatus(result.raw()) != PGRES_TUPLES_OK) {
    throw std::runtime_error("PostgreSQL: " + trimmed(PQerrorMessage(connection_)));
  }
}

PostgresConnections::PostgresConnections(std::string url, std::size_t max_connections)
    : url_(std::move(url)), max_connections_(max_connections) {
  idle_.push_back(connect());
  open_ = 1;
}

PostgresConnections::~PostgresConnections() {
  for (PGconn* connection : idle_) PQfinish(connection);
}

PGconn* PostgresConnections::connect() {
  PGconn* connection = PQconnectdb(url_.c_str());
  if (!connection || PQstatus(connection) != CONNECTION_OK) {
    // libpq's message names host and user, never the password.
    const std::string message = connection ? trimmed(PQerrorMessage(connection)) : "out of memory";
    PQfinish(connection);
    throw std::runtime_error("cannot connect to PostgreSQL: " + message);
  }
  PgResult quiet(PQexec(connection, "SET client_min_messages = warning"));  // no NOTICE lines on stderr
  return connection;
}

PostgresConnections::Borrowed PostgresConnections::borrow() {
  std::unique_lock<std::mutex> lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty() || open_ < max_connections_; });
  if (!idle_.empty()) {
    PGconn* connection = idle_.back();
    idle_.pop_back();
    return Borrowed(*this, connection);
  }
  ++open_;
  lock.unlock();
  try {
    return Borrowed(*this, connect());
  } catch (...) {
    lock.lock();
    --open_;
    available_.notify_one();
    throw;
  }
}

void PostgresConnections::give_back(PGconn* connection) {
  if (PQstatus(connection) == CONNECTION_OK && PQtransactionStatus(connection) != PQTRANS_IDLE) {
    PgResult rollback(PQexec(connection, "ROLLBACK"));
  }
  std::lock_guard<std::mutex> guard(mutex_);
  if (PQstatus(connection) == CONNECTION_OK && PQtransactionStatus(connection) == PQTRANS_IDLE) {
    idle_.push_back(connection);
  } else {
    PQfinish(connection);  // broken: the next borrow opens a fresh one
    --open_;
  }
  available_.notify_one();
}

PostgresConnections::Borrowed::~Borrowed() { pool_.give_back(connection_.handle()); }

}  // namespace support::server
