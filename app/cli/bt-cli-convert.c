/* bt-cli-convert.c: bitext-cli convert, validate and stats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bt-cli.h"
#include "bt-csv-writer.h"
#include "bt-error.h"
#include "bt-json-reader.h"
#include "bt-json-writer.h"
#include "bt-safe-write.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"
#include "bt-xliff12-writer.h"

static BtReview *
open_review (const char *path,
             gboolean    quiet)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  BtReview *review;

  if (g_str_has_suffix (path, ".json"))
    review = bt_json_read_file (path, &error);
  else
    review = bt_xliff_read_file (path, &warnings, &error);
  if (review == NULL)
    {
      bt_cli_error ("%s", error->message);
      return NULL;
    }
  for (guint i = 0; !quiet && warnings != NULL && i < warnings->len; i++)
    bt_cli_error ("%s: %s", path, (const char *) g_ptr_array_index (warnings, i));
  return review;
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
  if (g_str_equal (format, "json"))
    return bt_json_write_bytes (review);
  return bt_csv_write_bytes (review);
}

static int
deliver (GBytes     *bytes,
         const char *output)
{
  g_autoptr(GError) error = NULL;
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

int
bt_cli_convert (const BtCliOptions *options)
{
  const char *path = options->files[0];
  g_autoptr(BtReview) review = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  review = open_review (path, FALSE);
  if (review == NULL)
    return BT_CLI_BAD_INPUT;
  bytes = export (review, options->format, &error);
  if (bytes == NULL)
    {
      bt_cli_error ("%s: %s", path, error->message);
      return BT_CLI_BAD_INPUT;
    }
  return deliver (bytes, options->output);
}

/* A Bitext file is canonical when writing it back gives the same bytes;
 * one that reads but differs was edited by hand or by another tool. */
static gboolean
is_canonical (const char *path,
              BtReview   *review)
{
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;

  bytes = bt_xliff_write_bytes (review, NULL);
  if (bytes == NULL || !g_file_get_contents (path, &data, &size, NULL))
    return FALSE;
  return size == g_bytes_get_size (bytes) && memcmp (data, g_bytes_get_data (bytes, NULL), size) == 0;
}

int
bt_cli_validate (const BtCliOptions *options)
{
  const char *path = options->files[0];
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtReview) review = NULL;

  review = bt_xliff_read_file (path, &warnings, &error);
  if (review == NULL)
    {
      bt_cli_error ("%s", error->message);
      return BT_CLI_BAD_INPUT;
    }
  if (warnings->len > 0)
    {
      for (guint i = 0; i < warnings->len; i++)
        bt_cli_error ("%s: %s", path, (const char *) g_ptr_array_index (warnings, i));
      bt_cli_error (_("%s: not a Bitext review file"), path);
      return BT_CLI_BAD_INPUT;
    }
  if (!is_canonical (path, review))
    bt_cli_error (_("%s: readable, but not as Bitext writes it (edited by another tool?)"), path);
  printf (_("%s: a valid Bitext review (paragraphs: %u, sentences: %u, links: %u, omissions: %u)\n"), path,
          bt_document_get_n_paragraphs (bt_review_get_source (review)),
          bt_document_get_n_sentences (bt_review_get_target (review)),
          bt_review_get_n_links (review), bt_review_get_n_omissions (review));
  return BT_CLI_OK;
}

static double
percent (guint64 part,
         guint64 whole)
{
  return whole > 0 ? 100.0 * (double) part / (double) whole : 0.0;
}

static void
print_figures (const BtFigures *f)
{
  printf (_("Paragraphs: %u (reviewed %u, needing attention %u)\n"),
          f->n_paragraphs, f->n_reviewed, f->n_needs_attention);
  printf (_("Source characters: %llu\n"), (unsigned long long) f->n_chars);
  printf (_("  rendered: %llu (%.1f%%)\n"), (unsigned long long) f->n_rendered, percent (f->n_rendered, f->n_chars));
  printf (_("  omitted: %llu (%.1f%%)\n"), (unsigned long long) f->n_omitted, percent (f->n_omitted, f->n_chars));
  printf (_("  undecided: %llu (%.1f%%)\n"), (unsigned long long) f->n_undecided, percent (f->n_undecided, f->n_chars));
  printf (_("Links: %u\n"), f->n_links);
  printf (_("Additions: %u\n"), f->n_additions);
  printf (_("Suggestions still open: %u\n"), f->n_suggestions);
  printf (_("Omissions: %u\n"), f->n_omissions);
  for (int c = 0; c < BT_N_CATEGORIES; c++)
    printf ("  %s: %u\n", bt_category_to_string (c), f->omissions_by_category[c]);
  for (int s = 0; s < BT_N_SEVERITIES; s++)
    printf ("  %s: %u\n", bt_severity_to_string (s), f->omissions_by_severity[s]);
  printf (_("Score: %.2f per 1,000 characters; threshold %.2f: %s\n"), f->score, f->threshold,
          f->pass ? _("pass") : _("fail"));
}

int
bt_cli_stats (const BtCliOptions *options)
{
  g_autoptr(BtReview) review = NULL;
  BtFigures figures;

  review = open_review (options->files[0], FALSE);
  if (review == NULL)
    return BT_CLI_BAD_INPUT;
  bt_review_get_figures (review, &figures);
  print_figures (&figures);
  return BT_CLI_OK;
}
