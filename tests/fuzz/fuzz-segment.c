/* fuzz-segment.c: sentences, clauses and numbers of any text, both
 * languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-fuzz.h"
#include "bt-numbers.h"
#include "bt-segmenter.h"

static void
check_spans (GArray *spans,
             guint   n_chars)
{
  guint at = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const BtSpan *span = &g_array_index (spans, BtSpan, i);

      g_assert (span->start == at);
      g_assert (span->end > span->start);
      at = span->end;
    }
  g_assert (at == n_chars);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = bt_fuzz_make_utf8 (data, size);
  guint n_chars = g_utf8_strlen (text, -1);
  g_autoptr(GArray) zh = bt_segment_sentences (text, BT_LANGUAGE_ZH);
  g_autoptr(GArray) en = bt_segment_sentences (text, BT_LANGUAGE_EN);
  g_autoptr(GArray) clauses = bt_segment_clauses (text);

  check_spans (zh, n_chars);
  check_spans (en, n_chars);
  check_spans (clauses, n_chars);
  bt_language_guess (text, -1);
  for (BtLanguage language = BT_LANGUAGE_ZH; language <= BT_LANGUAGE_EN; language++)
    {
      g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (BtNumber));

      bt_numbers_extract (text, language, numbers);
      for (guint i = 0; i < numbers->len; i++)
        {
          const BtNumber *number = &g_array_index (numbers, BtNumber, i);

          g_assert (number->end > number->start && number->end <= n_chars);
        }
    }

  return 0;
}
