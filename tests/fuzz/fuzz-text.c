/* fuzz-text.c: encoding detection and decoding of any bytes, and the
 * paragraphs read from what decodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-document.h"
#include "bt-fuzz.h"
#include "bt-text.h"

static const char *forced[] = { NULL, "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5" };

/* Lines start after a line feed, in order; the last line's number is
 * the count of lines. */
static void
check_lines (BtText     *text,
             const char *contents,
             gsize       length)
{
  guint n_lines = bt_text_get_n_lines (text);
  gsize before = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      gsize start = bt_text_get_line_start (text, i);

      g_assert (start < length);
      g_assert (i == 0 ? start == 0 : start > before && contents[start - 1] == '\n');
      g_assert (memchr (contents + before, '\n', start - before) == (i == 0 ? NULL : contents + start - 1));
      before = start;
    }
  g_assert (n_lines == 0 || memchr (contents + before, '\n', length - before) == NULL ||
            memchr (contents + before, '\n', length - before) == contents + length - 1);
  g_assert (memchr (contents, '\r', length) == NULL);
}

/* Every paragraph is stripped text of its own line or later, in order,
 * and its sentences cover it. */
static void
check_document (BtDocument *document,
                guint       n_lines)
{
  guint line = 0;
  guint sentence = 0;

  for (guint p = 0; p < bt_document_get_n_paragraphs (document); p++)
    {
      const BtParagraph *paragraph = bt_document_get_paragraph (document, p);
      const char *last;

      g_assert (paragraph->text[0] != '\0');
      g_assert (!g_unichar_isspace (g_utf8_get_char (paragraph->text)));
      last = g_utf8_find_prev_char (paragraph->text, paragraph->text + strlen (paragraph->text));
      g_assert (last != NULL && !g_unichar_isspace (g_utf8_get_char (last)));
      g_assert (strchr (paragraph->text, '\n') == NULL);
      g_assert (paragraph->n_chars == (guint) g_utf8_strlen (paragraph->text, -1));
      g_assert (paragraph->line > line && paragraph->line <= n_lines);
      line = paragraph->line;
      g_assert (paragraph->first_sentence == sentence && paragraph->n_sentences > 0);
      sentence += paragraph->n_sentences;
    }
  g_assert (sentence == bt_document_get_n_sentences (document));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BtText) text = NULL;
  const char *encoding;

  if (size == 0)
    return 0;

  /* The first byte picks detection or a forced encoding. */
  encoding = forced[data[0] % G_N_ELEMENTS (forced)];
  bytes = g_bytes_new (data + 1, size - 1);
  text = bt_text_new_from_bytes (bytes, "fuzz.txt", encoding, NULL);
  if (text != NULL)
    {
      gsize length;
      const char *contents = bt_text_get_contents (text, &length);

      g_assert (g_utf8_validate (contents, length, NULL));
      g_assert (bt_text_get_line_number (text, length) >= 1);
      check_lines (text, contents, length);
      for (BtParagraphMode mode = BT_PARAGRAPH_MODE_AUTO; mode <= BT_PARAGRAPH_MODE_BLANK_LINES; mode++)
        {
          g_autoptr(BtDocument) document =
            bt_document_new_from_text (text, data[0] & 1 ? BT_LANGUAGE_ZH : BT_LANGUAGE_EN, mode);

          check_document (document, bt_text_get_n_lines (text));
        }
    }

  return 0;
}
