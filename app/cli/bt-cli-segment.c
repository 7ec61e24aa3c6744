/* bt-cli-segment.c: bitext-cli segment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "bt-cli.h"
#include "bt-document.h"
#include "bt-error.h"
#include "bt-segmenter.h"
#include "bt-text.h"

int
bt_cli_load_text (const char  *path,
                  const char  *encoding,
                  BtText     **text)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  *text = bt_text_new_from_file (file, encoding, NULL, &error);
  if (*text != NULL)
    return BT_CLI_OK;

  bt_cli_error ("%s", error->message);
  if (g_error_matches (error, BT_ERROR, BT_ERROR_UNKNOWN_ENCODING))
    return BT_CLI_USAGE;
  return BT_CLI_BAD_INPUT;
}

/* Tabs, line breaks and backslashes would break the columns. */
static void
append_tsv_field (GString    *out,
                  const char *text,
                  gsize       length)
{
  for (gsize k = 0; k < length; k++)
    {
      switch (text[k])
        {
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        default:
          g_string_append_c (out, text[k]);
          break;
        }
    }
}

static void
append_tsv (GString    *out,
            BtDocument *document)
{
  for (guint p = 0; p < bt_document_get_n_paragraphs (document); p++)
    {
      const BtParagraph *paragraph = bt_document_get_paragraph (document, p);
      const char *cursor = paragraph->text;
      guint cursor_offset = 0;

      /* Walking on from the last sentence keeps a long paragraph linear. */
      for (guint s = 0; s < paragraph->n_sentences; s++)
        {
          const BtSentence *sentence =
            bt_document_get_sentence (document, paragraph->first_sentence + s);
          const char *start, *end;

          if (sentence->start < cursor_offset)
            cursor = paragraph->text, cursor_offset = 0;
          start = g_utf8_offset_to_pointer (cursor, sentence->start - cursor_offset);
          end = g_utf8_offset_to_pointer (start, sentence->end - sentence->start);
          cursor = end;
          cursor_offset = sentence->end;

          g_string_append_printf (out, "%u\t%u\t%u\t%u\t", p + 1, s + 1,
                                  sentence->start, sentence->end);
          append_tsv_field (out, start, (gsize) (end - start));
          g_string_append_c (out, '\n');
        }
    }
}

static void
append_json_string (GString    *out,
                           const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
append_json_paragraph (GString    *out,
                       BtDocument *document,
                       guint       index)
{
  const BtParagraph *paragraph = bt_document_get_paragraph (document, index);

  g_string_append_printf (out, "    {\"id\": \"p%u\", \"line\": %u, \"text\": ",
                          index + 1, paragraph->line);
  append_json_string (out, paragraph->text);
  g_string_append (out, ", \"sentences\": [");
  for (guint s = 0; s < paragraph->n_sentences; s++)
    {
      const BtSentence *sentence =
        bt_document_get_sentence (document, paragraph->first_sentence + s);

      g_string_append_printf (out, "%s[%u, %u]", s > 0 ? ", " : "",
                              sentence->start, sentence->end);
    }
  g_string_append (out, "]}");
}

static void
append_json (GString    *out,
             BtDocument *document)
{
  guint n_paragraphs = bt_document_get_n_paragraphs (document);

  g_string_append_printf (out, "{\n  \"language\": \"%s\",\n  \"paragraphs\": [\n",
                          bt_language_to_string (bt_document_get_language (document)));
  for (guint p = 0; p < n_paragraphs; p++)
    {
      append_json_paragraph (out, document, p);
      g_string_append (out, p + 1 < n_paragraphs ? ",\n" : "\n");
    }
  g_string_append (out, "  ]\n}\n");
}

static int
write_stdout (GString *out)
{
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      bt_cli_error (_("cannot write to standard output: %s"), g_strerror (errno));
      return BT_CLI_BAD_INPUT;
    }

  return BT_CLI_OK;
}

int
bt_cli_segment (const BtCliOptions *options)
{
  g_autoptr(BtText) text = NULL;
  g_autoptr(BtDocument) document = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  BtLanguage language = options->language;
  int status;

  status = bt_cli_load_text (options->files[0], options->encoding, &text);
  if (status != BT_CLI_OK)
    return status;

  if (options->guess_language)
    language = bt_language_guess (bt_text_get_contents (text, NULL), -1);
  document = bt_document_new_from_text (text, language, options->paragraph_mode);

  if (options->format != NULL && g_str_equal (options->format, "json"))
    append_json (out, document);
  else
    append_tsv (out, document);

  return write_stdout (out);
}
