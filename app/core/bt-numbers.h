/* bt-numbers.h: numbers, percentages and dates in Chinese and English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bt-types.h"

G_BEGIN_DECLS

typedef enum
{
  BT_NUMBER_PLAIN,   /* 386亿 and "38.6 billion" are both 38600000000 */
  BT_NUMBER_PERCENT, /* 12.5%, 百分之十二点五, "12.5 percent": 12.5; 两成: 20 */
  BT_NUMBER_DATE,    /* 4月23日, "April 23": month * 100 + day = 423 */
  BT_NUMBER_MONTH,   /* 4月 alone, "April" alone: 4 */
} BtNumberKind;

/* Years are plain numbers: 2024年 and "2024" both give 2024. Words for
 * small numbers count (八, "eight", 第八, "eighth", "threescore and
 * ten"), except one (一, "a", "one", "first"), which is too common to
 * tell anything. A date in Chinese numerals (二月十七日) gives its month
 * and its day as plain numbers too, for literary English ("the
 * seventeenth day of the second month"). */
typedef struct
{
  BtNumberKind kind;
  double       value;
  guint        start; /* code points into the text */
  guint        end;
} BtNumber;

/* Appends a BtNumber to @numbers (a GArray of BtNumber) for each number,
 * percentage and date of @text, in text order. */
void     bt_numbers_extract (const char      *text,
                             BtLanguage       language,
                             GArray          *numbers);

/* TRUE when @a and @b are the same kind and value; values that differ
 * only past their sixth significant digit are equal. */
gboolean bt_number_equal    (const BtNumber  *a,
                             const BtNumber  *b);

/* A hash of the kind and the value rounded to six significant digits:
 * equal numbers have equal keys, so bags of numbers can be compared as
 * bags of keys. */
guint32  bt_number_key      (const BtNumber  *number);

G_END_DECLS
