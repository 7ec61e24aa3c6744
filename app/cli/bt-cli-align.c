/* bt-cli-align.c: bitext-cli align
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "bt-aligner.h"
#include "bt-bilingual.h"
#include "bt-cli.h"
#include "bt-error.h"
#include "bt-json-writer.h"
#include "bt-safe-write.h"
#include "bt-text.h"
#include "bt-xliff-writer.h"
#include "bt-xliff12-writer.h"

typedef struct
{
  char     *format;
  char     *output;
  char     *dictionary;
  char     *units;
  char     *bilingual;
  char     *disable;
  char     *paragraphs;
  gboolean  explain;
} AlignOptions;

static void
align_options_clear (AlignOptions *o)
{
  g_clear_pointer (&o->format, g_free);
  g_clear_pointer (&o->output, g_free);
  g_clear_pointer (&o->dictionary, g_free);
  g_clear_pointer (&o->units, g_free);
  g_clear_pointer (&o->bilingual, g_free);
  g_clear_pointer (&o->disable, g_free);
  g_clear_pointer (&o->paragraphs, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AlignOptions, align_options_clear)

/* Every line one unit: a source paragraph, or a target sentence alone in
 * its paragraph. */
static BtDocument *
lines_document (BtText     *text,
                BtLanguage  language)
{
  gsize length = 0;
  const char *contents = bt_text_get_contents (text, &length);
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  BtDocument *document = bt_document_new (language);

  bt_document_set_name (document, bt_text_get_display_name (text));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      BtSpan span = { 0, g_utf8_strlen (lines[i], -1) };

      if (span.end == 0 || (lines[i + 1] == NULL && *g_strstrip (lines[i]) == '\0'))
        continue;
      if (language == BT_LANGUAGE_ZH)
        bt_document_append_paragraph (document, lines[i], i + 1);
      else
        bt_document_append_segmented (document, lines[i], i + 1, &span, 1, NULL);
    }
  return document;
}

static int
load_pair (AlignOptions  *o,
           char         **files,
           gboolean       lines,
           BtDocument   **source,
           BtDocument   **target)
{
  g_autoptr (BtText) a = NULL;
  g_autoptr (BtText) b = NULL;
  g_autoptr (GError) error = NULL;
  BtParagraphMode mode;
  int status;

  if (!bt_cli_parse_paragraph_mode (o->paragraphs, &mode))
    return BT_CLI_USAGE;
  if (o->bilingual != NULL)
    {
      if ((status = bt_cli_load_text (o->bilingual, NULL, &a)) != BT_CLI_OK)
        return status;
      if (!bt_bilingual_split (a, lines ? BT_PARAGRAPH_MODE_LINES : mode, source, target, &error))
        {
          bt_cli_error ("%s", error->message);
          return BT_CLI_BAD_INPUT;
        }
      return BT_CLI_OK;
    }
  if ((status = bt_cli_load_text (files[0], NULL, &a)) != BT_CLI_OK ||
      (status = bt_cli_load_text (files[1], NULL, &b)) != BT_CLI_OK)
    return status;
  *source = lines ? lines_document (a, BT_LANGUAGE_ZH) : bt_document_new_from_text (a, BT_LANGUAGE_ZH, mode);
  *target = lines ? lines_document (b, BT_LANGUAGE_EN) : bt_document_new_from_text (b, BT_LANGUAGE_EN, mode);
  return BT_CLI_OK;
}

static int
load_dictionary (const char    *path,
                 BtDictionary **dictionary)
{
  g_autofree char *found = path == NULL ? bt_dictionary_find_default () : NULL;
  g_autoptr (GError) error = NULL;

  *dictionary = NULL;
  if (path == NULL && found == NULL)
    return BT_CLI_OK;
  *dictionary = bt_dictionary_load (path != NULL ? path : found, &error);
  if (*dictionary != NULL)
    return BT_CLI_OK;
  bt_cli_error ("%s", error->message);
  return BT_CLI_BAD_INPUT;
}

static gboolean
parse_disabled (const char *list,
                BtSignal   *signals)
{
  g_auto (GStrv) names = g_strsplit (list != NULL ? list : "", ",", -1);

  *signals = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      BtSignal s;

      if (*names[i] == '\0')
        continue;
      if (!bt_signal_from_string (names[i], &s))
        {
          bt_cli_error (_("unknown signal “%s”: use dictionary, names, numbers, latin, length or position"),
                        names[i]);
          return FALSE;
        }
      *signals |= s;
    }
  return TRUE;
}

static void
explain (BtReview    *review,
         BtAlignment *alignment,
         FILE        *stream)
{
  guint n = 0;
  const BtAlignLink *links = bt_alignment_get_links (alignment, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GString) why = g_string_new (NULL);
      g_autofree char *text = bt_document_dup_sentence_text (bt_review_get_target (review), links[i].sentence);

      for (guint b = 0; b < BT_N_SIGNALS; b++)
        if (links[i].signals & (1u << b))
          g_string_append_printf (why, "%s%s", why->len > 0 ? "+" : "", bt_signal_to_string (1u << b));
      if (g_utf8_strlen (text, -1) > 60)
        *g_utf8_offset_to_pointer (text, 60) = '\0';
      fprintf (stream, "p%u\te%u\t%.2f\t%s\t%s\n", links[i].paragraph + 1, links[i].sentence + 1,
               links[i].confidence, why->len > 0 ? why->str : "-", text);
    }
}

static GBytes *
export (BtReview    *review,
        const char  *format,
        GError     **error)
{
  if (g_str_equal (format, "xliff"))
    return bt_xliff_write_bytes (review, error);
  if (g_str_equal (format, "xliff12"))
    return bt_xliff12_write_bytes (review, error);
  return bt_json_write_bytes (review);
}

static int
deliver (GBytes     *bytes,
         const char *output)
{
  g_autoptr (GError) error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          bt_cli_error (_("could not write to the standard output"));
          return BT_CLI_BAD_INPUT;
        }
      return BT_CLI_OK;
    }
  if (!bt_safe_write (output, data, size, &error))
    {
      bt_cli_error ("%s", error->message);
      return BT_CLI_BAD_INPUT;
    }
  return BT_CLI_OK;
}

static int
check_usage (GOptionContext *context,
             AlignOptions   *o,
             int            *argc,
             char         ***argv)
{
  g_autoptr (GError) error = NULL;
  int wanted;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      bt_cli_error ("%s", error->message);
      return BT_CLI_USAGE;
    }
  wanted = o->bilingual != NULL ? 1 : 3;
  if (*argc != wanted)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      bt_cli_error (o->bilingual != NULL ? _("--bilingual takes no other file")
                                         : _("expected a source and a target file"));
      g_printerr ("%s", help);
      return BT_CLI_USAGE;
    }
  if (o->format == NULL)
    o->format = g_strdup ("json");
  if (!g_str_equal (o->format, "json") && !g_str_equal (o->format, "xliff") && !g_str_equal (o->format, "xliff12"))
    {
      bt_cli_error (_("--format must be json, xliff or xliff12"));
      return BT_CLI_USAGE;
    }
  if (o->units != NULL && !g_str_equal (o->units, "lines"))
    {
      bt_cli_error (_("--units takes only “lines”"));
      return BT_CLI_USAGE;
    }
  return BT_CLI_OK;
}

static int
align (AlignOptions  *o,
       char         **files)
{
  g_autoptr (BtDocument) source = NULL;
  g_autoptr (BtDocument) target = NULL;
  g_autoptr (BtDictionary) dictionary = NULL;
  g_autoptr (BtAligner) aligner = NULL;
  g_autoptr (BtAlignment) alignment = NULL;
  g_autoptr (BtReview) review = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  gboolean lines = o->units != NULL;
  BtSignal disabled;
  int status;

  if (!parse_disabled (o->disable, &disabled))
    return BT_CLI_USAGE;
  if ((status = load_dictionary (o->dictionary, &dictionary)) != BT_CLI_OK ||
      (status = load_pair (o, files, lines, &source, &target)) != BT_CLI_OK)
    return status;
  aligner = bt_aligner_new (dictionary);
  bt_aligner_set_units (aligner, lines ? BT_ALIGN_UNITS_LINES : BT_ALIGN_UNITS_PARAGRAPHS);
  bt_aligner_set_disabled (aligner, disabled);
  alignment = bt_aligner_run (aligner, source, target, NULL, &error);
  if (alignment == NULL)
    {
      bt_cli_error ("%s", error->message);
      return BT_CLI_BAD_INPUT;
    }
  if (bt_alignment_get_flags (alignment) & BT_ALIGNMENT_NO_DICTIONARY)
    bt_cli_error (_("warning: aligned without a dictionary, so the suggestions are weaker; "
                    "run build-aux/fetch-dictionary or pass --dictionary FILE"));
  review = bt_review_new (source, target);
  bt_alignment_apply (alignment, review);
  bt_review_clear_history (review);
  if (o->explain)
    explain (review, alignment, o->output != NULL ? stdout : stderr);
  if ((bytes = export (review, o->format, &error)) == NULL)
    {
      bt_cli_error ("%s", error->message);
      return BT_CLI_BAD_INPUT;
    }
  return deliver (bytes, o->output);
}

int
bt_cli_align (int    argc,
              char **argv)
{
  g_auto (AlignOptions) o = { 0 };
  g_autoptr (GOptionContext) context = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o.format, N_("json (default), xliff or xliff12"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("Write to OUT, not the standard output"), N_("OUT") },
    { "dictionary", 0, 0, G_OPTION_ARG_FILENAME, &o.dictionary, N_("A dictionary in CC-CEDICT format"), N_("FILE") },
    { "units", 0, 0, G_OPTION_ARG_STRING, &o.units, N_("“lines”: every line of both files is one unit"), N_("UNITS") },
    { "bilingual", 0, 0, G_OPTION_ARG_FILENAME, &o.bilingual, N_("Read both languages from one file"), N_("FILE") },
    { "paragraphs", 0, 0, G_OPTION_ARG_STRING, &o.paragraphs, N_("auto, lines or blank"), N_("MODE") },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &o.explain, N_("Print the signals behind each link"), NULL },
    { "disable", 0, 0, G_OPTION_ARG_STRING, &o.disable, N_("Signals to leave out, comma-separated"), N_("LIST") },
    { NULL }
  };
  int status;

  context = g_option_context_new (_("SOURCE TARGET — suggest links and omissions"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = check_usage (context, &o, &argc, &argv)) != BT_CLI_OK)
    return status;
  return align (&o, argv + 1);
}
