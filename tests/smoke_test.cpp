#include <gtest/gtest.h>

#include "core/decimal.h"

using namespace doisoat;

TEST(Decimal, VietnameseDisplay) {
  Decimal d{44633230, 4};
  EXPECT_EQ(d.to_vi(), "4.463,3230");
  EXPECT_EQ(d.to_plain(), "4463.3230");
}
