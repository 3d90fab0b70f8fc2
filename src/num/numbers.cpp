#include "num/numbers.h"
namespace doisoat {
NumberReading read_numbers(const Document&) { return {}; }
}
