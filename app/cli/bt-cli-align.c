/* bt-cli-align.c: bitext-cli align
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "bt-aligner.h"
#include "bt-bilingual.h"
#include "bt-cli.h"
#include "bt-error.h"
#include "bt-json-writer.h"
#include "bt-review-private.h"
#include "bt-safe-write.h"
#include "bt-text.h"
#include "bt-xliff-writer.h"
#include "bt-xliff12-writer.h"

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
load_pair (const BtCliOptions  *o,
           char               **files,
           gboolean             lines,
           BtDocument         **source,
           BtDocument         **target)
{
  g_autoptr (BtText) a = NULL;
  g_autoptr (BtText) b = NULL;
  g_autoptr (GError) error = NULL;
  BtParagraphMode mode = o->paragraph_mode;
  int status;

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

static gboolean
write_file (BtReview    *review,
            const char  *format,
            const char  *path,
            GError     **error)
{
  if (g_str_equal (format, "xliff"))
    return bt_xliff_write_file (review, path, error);
  if (g_str_equal (format, "xliff12"))
    return bt_xliff12_write_file (review, path, error);
  return bt_json_write_file (review, path, error);
}

static gboolean
copy_to_stdout (const char *path)
{
  g_autofree char *buffer = g_malloc (1024 * 1024);
  FILE *in = fopen (path, "rb");
  gboolean ok = in != NULL;
  size_t n;

  while (ok && (n = fread (buffer, 1, 1024 * 1024, in)) > 0)
    ok = fwrite (buffer, 1, n, stdout) == n;
  if (in != NULL)
    ok = !ferror (in) && fclose (in) == 0 && ok;
  return fflush (stdout) == 0 && ok;
}

static int
stdout_failed (void)
{
  bt_cli_error (_("could not write to the standard output"));
  return BT_CLI_BAD_INPUT;
}

static int
json_to_stdout (BtReview *review)
{
  BtSafeWrite *write = bt_safe_write_begin_fd (STDOUT_FILENO);

  bt_json_write_to (review, write);
  return bt_safe_write_commit (write, NULL) ? BT_CLI_OK : stdout_failed ();
}

/* The XML writers check the whole review before their first byte, and a
 * large review would not fit in memory as one string: it goes through a
 * temporary file. */
static int
xml_to_stdout (BtReview   *review,
               const char *format)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bitext-XXXXXX", &error);
  g_autofree char *path = NULL;
  gboolean ok;

  if (dir == NULL)
    {
      bt_cli_error ("%s", error->message);
      return BT_CLI_BAD_INPUT;
    }
  path = g_build_filename (dir, "review.xlf", NULL);
  if (!write_file (review, format, path, &error))
    {
      g_rmdir (dir);
      bt_cli_error ("%s", error->message);
      return BT_CLI_BAD_INPUT;
    }
  ok = copy_to_stdout (path);
  g_unlink (path);
  g_rmdir (dir);
  return ok ? BT_CLI_OK : stdout_failed ();
}

static int
deliver (BtReview   *review,
         const char *format,
         const char *output)
{
  g_autoptr (GError) error = NULL;

  if (output == NULL || g_str_equal (output, "-"))
    return g_str_equal (format, "json") ? json_to_stdout (review) : xml_to_stdout (review, format);
  if (!write_file (review, format, output, &error))
    {
      bt_cli_error ("%s", error->message);
      return BT_CLI_BAD_INPUT;
    }
  return BT_CLI_OK;
}

static int
align (const BtCliOptions  *o,
       char               **files)
{
  g_autoptr (BtDocument) source = NULL;
  g_autoptr (BtDocument) target = NULL;
  g_autoptr (BtDictionary) dictionary = NULL;
  g_autoptr (BtAligner) aligner = NULL;
  g_autoptr (BtAlignment) alignment = NULL;
  g_autoptr (BtReview) review = NULL;
  g_autoptr (GError) error = NULL;
  gboolean lines = o->units != NULL;
  int status;

  if ((status = load_dictionary (o->dictionary, &dictionary)) != BT_CLI_OK ||
      (status = load_pair (o, files, lines, &source, &target)) != BT_CLI_OK)
    return status;
  aligner = bt_aligner_new (dictionary);
  bt_aligner_set_units (aligner, lines ? BT_ALIGN_UNITS_LINES : BT_ALIGN_UNITS_PARAGRAPHS);
  bt_aligner_set_disabled (aligner, o->disabled);
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
  /* nothing is undone here: a command kept per suggestion would only
   * add to the peak */
  _bt_review_set_drop_history (review, TRUE);
  bt_alignment_apply (alignment, review);
  _bt_review_set_drop_history (review, FALSE);
  if (o->explain)
    explain (review, alignment, o->output != NULL ? stdout : stderr);
  /* the review holds all that is written; the rest would only add to
   * the peak */
  g_clear_pointer (&alignment, bt_alignment_free);
  g_clear_object (&aligner);
  g_clear_pointer (&dictionary, bt_dictionary_unref);
  fflush (stdout);
  return deliver (review, o->format, o->output);
}

int
bt_cli_align (const BtCliOptions *o)
{
  return align (o, o->files);
}
