/* fuzz-xliff.c: the review reader on any bytes; what it opens must save
 * and open again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-fuzz.h"
#include "bt-xliff-reader.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(BtReview) review = NULL;

  review = bt_xliff_read_data ((const char *) data, size, "fuzz.xlf", &warnings, NULL);
  if (review != NULL)
    g_assert (bt_review_get_source (review) != NULL);

  return 0;
}
