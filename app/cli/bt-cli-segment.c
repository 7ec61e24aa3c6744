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

typedef struct
{
  char *lang;
  char *format;
  char *encoding;
  char *paragraphs;
} SegmentOptions;

static void
segment_options_clear (SegmentOptions *options)
{
  g_clear_pointer (&options->lang, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->encoding, g_free);
  g_clear_pointer (&options->paragraphs, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SegmentOptions, segment_options_clear)

gboolean
bt_cli_parse_paragraph_mode (const char      *string,
                             BtParagraphMode *mode)
{
  if (string == NULL || g_str_equal (string, "auto"))
    *mode = BT_PARAGRAPH_MODE_AUTO;
  else if (g_str_equal (string, "lines"))
    *mode = BT_PARAGRAPH_MODE_LINES;
  else if (g_str_equal (string, "blank"))
    *mode = BT_PARAGRAPH_MODE_BLANK_LINES;
  else
    {
      bt_cli_error (_("unknown paragraph mode “%s”: use auto, lines or blank"), string);
      return FALSE;
    }

  return TRUE;
}

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

static gboolean
check_options (SegmentOptions  *options,
               gboolean        *guess,
               BtLanguage      *language,
               BtParagraphMode *mode)
{
  *guess = options->lang == NULL || g_str_equal (options->lang, "auto");
  if (!*guess && !(g_str_equal (options->lang, "zh") || g_str_equal (options->lang, "en")))
    {
      bt_cli_error (_("unknown language “%s”: use zh, en or auto"), options->lang);
      return FALSE;
    }
  if (!*guess)
    bt_language_from_string (options->lang, language);

  if (options->format != NULL && !g_str_equal (options->format, "tsv") &&
      !g_str_equal (options->format, "json"))
    {
      bt_cli_error (_("unknown format “%s”: use tsv or json"), options->format);
      return FALSE;
    }

  return bt_cli_parse_paragraph_mode (options->paragraphs, mode);
}

static GOptionContext *
segment_context (SegmentOptions *options)
{
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &options->lang,
      N_("Language of the text: zh, en or auto (the default)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format,
      N_("Output format: tsv (the default) or json"), N_("FORMAT") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &options->encoding,
      N_("Read the file in this encoding instead of detecting it"), N_("ENCODING") },
    { "paragraphs", 'p', 0, G_OPTION_ARG_STRING, &options->paragraphs,
      N_("Paragraphs are lines, blank-line blocks or auto (the default)"), N_("MODE") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("FILE — print the sentences of a text file"));

  g_set_prgname ("bitext-cli segment");

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("The tsv format prints one line per sentence: the paragraph number, the "
      "sentence number within its paragraph (both counted from 1), the start "
      "and the end of the sentence in code points of the paragraph (the end "
      "excluded) and its text, with tabs, line breaks and backslashes escaped "
      "as \\t, \\n and \\\\.\n"
      "The json format prints the paragraphs with their text and the "
      "[start, end] code points of their sentences.\n"
      "Exit status: 0 done, 1 bad input, 2 wrong usage."));
  return context;
}

int
bt_cli_segment (int    argc,
                char **argv)
{
  g_auto(SegmentOptions) options = { NULL };
  g_autoptr(GOptionContext) context = segment_context (&options);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;
  g_autoptr(BtDocument) document = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  BtLanguage language = BT_LANGUAGE_EN;
  BtParagraphMode mode;
  gboolean guess;
  int status;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      bt_cli_error ("%s", error->message);
      return BT_CLI_USAGE;
    }
  if (argc != 2)
    {
      bt_cli_error (_("segment takes one FILE; see “bitext-cli segment --help”"));
      return BT_CLI_USAGE;
    }
  if (!check_options (&options, &guess, &language, &mode))
    return BT_CLI_USAGE;

  status = bt_cli_load_text (argv[1], options.encoding, &text);
  if (status != BT_CLI_OK)
    return status;

  if (guess)
    language = bt_language_guess (bt_text_get_contents (text, NULL), -1);
  document = bt_document_new_from_text (text, language, mode);

  if (options.format != NULL && g_str_equal (options.format, "json"))
    append_json (out, document);
  else
    append_tsv (out, document);

  return write_stdout (out);
}
