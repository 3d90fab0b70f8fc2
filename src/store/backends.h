// The two implementations of FactStore, opened through FactStore::open.
#pragma once

#include <memory>
#include <string>

#include "store/facts.h"

namespace doisoat {

/// An SQLite file (store/sqlite_store.cpp).
Result<std::unique_ptr<FactStore>> open_sqlite_store(const std::string& path, const FactStore::OpenOptions& options);
/// A PostgreSQL database through libpqxx (store/postgresql_store.cpp).
Result<std::unique_ptr<FactStore>> open_postgresql_store(const std::string& uri, const FactStore::OpenOptions& options);

/// The claims' operands as stored: [{"role", "quantity"}].
std::string operands_json(const Claim& claim);

}  // namespace doisoat
