#pragma once
// The ledger's memory of its own size (schema/004_ledger_size.sql, table ledger_size): one
// row per writing transaction with the number of records it left. It makes a tail cut loud to the
// record, where the Merkle node table (kept for every 16 records) only notices cuts across a
// multiple of 16.
#include <cstdint>
#include <optional>

namespace verdeel::ledger {

class Store;

// The largest size a writing transaction left; nullopt for a ledger before format 4, or one
// migrated to it that no writer has committed to since.
std::optional<int64_t> remembered_size(Store& store);

// Records that the transaction in progress leaves `size` records (idempotent).
void remember_size(Store& store, int64_t size);

}  // namespace verdeel::ledger
