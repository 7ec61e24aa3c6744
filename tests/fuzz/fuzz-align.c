/* fuzz-align.c: aligning the two languages of any text
 *
 * The text is split as a bilingual file is; its two halves are aligned by
 * paragraphs and by lines with the small test dictionary, and every
 * suggestion must point into the documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-aligner.h"
#include "bt-bilingual.h"
#include "bt-fuzz.h"
#include "bt-text.h"

/* The test dictionary, its index kept in the build folder. */
static BtDictionary *
test_dictionary (void)
{
  static BtDictionary *dictionary;

  if (dictionary == NULL)
    {
      g_autoptr (GError) error = NULL;

      dictionary = bt_dictionary_load_full (BT_FUZZ_DICTIONARY, BT_FUZZ_CACHE_DIR, &error);
      g_assert_no_error (error);
    }
  return dictionary;
}

static void
check (BtAlignment *alignment,
       BtDocument  *source,
       BtDocument  *target)
{
  guint n_links, n_omissions, n_additions;
  const BtAlignLink *links = bt_alignment_get_links (alignment, &n_links);
  const BtAlignOmission *omissions = bt_alignment_get_omissions (alignment, &n_omissions);
  const BtAlignAddition *additions = bt_alignment_get_additions (alignment, &n_additions);

  for (guint i = 0; i < n_links; i++)
    {
      g_assert (links[i].paragraph < bt_document_get_n_paragraphs (source));
      g_assert (links[i].sentence < bt_document_get_n_sentences (target));
      g_assert (links[i].confidence >= 0 && links[i].confidence <= 1);
    }
  for (guint i = 0; i < n_omissions; i++)
    {
      g_assert (omissions[i].paragraph < bt_document_get_n_paragraphs (source));
      g_assert (omissions[i].start < omissions[i].end);
      g_assert (omissions[i].end <= bt_document_get_paragraph (source, omissions[i].paragraph)->n_chars);
      g_assert (omissions[i].confidence >= 0 && omissions[i].confidence <= 1);
    }
  for (guint i = 0; i < n_additions; i++)
    {
      g_assert (additions[i].sentence < bt_document_get_n_sentences (target));
      g_assert (additions[i].confidence >= 0 && additions[i].confidence <= 1);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (BtText) text = bt_text_new_from_bytes (bytes, "fuzz.txt", NULL, NULL);
  g_autoptr (BtDocument) source = NULL;
  g_autoptr (BtDocument) target = NULL;
  g_autoptr (BtAligner) aligner = NULL;

  if (text == NULL || !bt_bilingual_split (text, BT_PARAGRAPH_MODE_AUTO, &source, &target, NULL))
    return 0;
  aligner = bt_aligner_new (test_dictionary ());
  for (BtAlignUnits units = BT_ALIGN_UNITS_PARAGRAPHS; units <= BT_ALIGN_UNITS_LINES; units++)
    {
      g_autoptr (BtAlignment) alignment = NULL;
      g_autoptr (GError) error = NULL;

      bt_aligner_set_units (aligner, units);
      alignment = bt_aligner_run (aligner, source, target, NULL, &error);
      g_assert ((alignment == NULL) == (error != NULL));
      if (alignment != NULL)
        check (alignment, source, target);
    }
  return 0;
}
