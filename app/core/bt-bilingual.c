/* bt-bilingual.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-bilingual.h"
#include "bt-error.h"
#include "bt-segmenter.h"
#include "bt-text.h"

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* A paragraph without letters (a rule, a lone figure) stays on the side of
 * the paragraph before it; before any, on the English side, like a preface. */
static BtLanguage
side_of (const BtParagraph *paragraph,
         BtLanguage         previous)
{
  if (!has_letter (paragraph->text))
    return previous;

  return bt_language_guess (paragraph->text, -1);
}

gboolean
bt_bilingual_split (BtText           *text,
                    BtParagraphMode   mode,
                    BtDocument      **source,
                    BtDocument      **target,
                    GError          **error)
{
  return bt_bilingual_split_full (text, mode, NULL, NULL, source, target, error);
}

/* Paragraphs between reports and checks for cancellation. */
#define PARAGRAPH_STRIDE 1024

gboolean
bt_bilingual_split_full (BtText            *text,
                         BtParagraphMode    mode,
                         const BtProgress  *progress,
                         GCancellable      *cancellable,
                         BtDocument       **source,
                         BtDocument       **target,
                         GError           **error)
{
  g_autoptr(BtDocument) all = NULL;
  g_autoptr(BtDocument) all_en = NULL;
  g_autoptr(BtDocument) zh = NULL;
  g_autoptr(BtDocument) en = NULL;
  BtProgress zh_part = bt_progress_part (progress, 0, 0.35);
  BtProgress en_part = bt_progress_part (progress, 0.35, 0.7);
  BtProgress split_part = bt_progress_part (progress, 0.7, 1);
  BtLanguage side = BT_LANGUAGE_EN;
  const char *name;
  guint n;

  g_return_val_if_fail (BT_IS_TEXT (text), FALSE);
  g_return_val_if_fail (source != NULL && target != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = bt_text_get_display_name (text);
  all = bt_document_new_from_text_full (text, BT_LANGUAGE_ZH, mode, &zh_part, cancellable, error);
  if (all == NULL)
    return FALSE;
  /* Lines joined into a block need spaces in English, not in Chinese. */
  if (mode != BT_PARAGRAPH_MODE_LINES &&
      (all_en = bt_document_new_from_text_full (text, BT_LANGUAGE_EN, mode, &en_part, cancellable, error)) == NULL)
    return FALSE;
  zh = bt_document_new (BT_LANGUAGE_ZH);
  en = bt_document_new (BT_LANGUAGE_EN);
  bt_document_set_name (zh, name);
  bt_document_set_name (en, name);

  n = bt_document_get_n_paragraphs (all);
  for (guint k = 0; k < n; k++)
    {
      const BtParagraph *paragraph = bt_document_get_paragraph (all, k);

      if (k % PARAGRAPH_STRIDE == 0 &&
          !bt_progress_advance (&split_part, (double) k / n, cancellable, error))
        return FALSE;
      side = side_of (paragraph, side);
      if (side == BT_LANGUAGE_EN && all_en != NULL)
        paragraph = bt_document_get_paragraph (all_en, k);
      bt_document_append_paragraph (side == BT_LANGUAGE_ZH ? zh : en,
                                    paragraph->text, paragraph->line);
    }

  if (bt_document_get_n_paragraphs (zh) == 0)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_NO_SOURCE,
                   _("“%s” holds no Chinese paragraph to use as the source"), name);
      return FALSE;
    }
  if (bt_document_get_n_paragraphs (en) == 0)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_NO_TARGET,
                   _("“%s” holds no English paragraph to use as the target"), name);
      return FALSE;
    }

  bt_progress_report (progress, 1);
  *source = g_steal_pointer (&zh);
  *target = g_steal_pointer (&en);
  return TRUE;
}
