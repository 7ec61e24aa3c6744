/* test-xliff12.c: the XLIFF 1.2 export, as schemas and translate-toolkit
 * see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bt-json-writer.h"
#include "bt-test-review.h"
#include "bt-xliff12-writer.h"

static char *
write_temp (BtReview *review)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bitext-xliff12-XXXXXX", NULL);
  char *path = g_build_filename (dir, "review.xlf", NULL);

  g_assert_true (bt_xliff12_write_file (review, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_golden (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_golden ();
  g_autoptr(GBytes) bytes = bt_xliff12_write_bytes (review, NULL);
  g_autofree char *path = g_build_filename (g_getenv ("BITEXT_FIXTURES_DIR"), "xliff", "golden-1.2.xlf", NULL);
  g_autofree char *expected = NULL;

  if (g_getenv ("BITEXT_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_true (g_file_get_contents (path, &expected, NULL, NULL));
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, expected);
  bt_test_validate (path, "validate-xliff-1.2-strict-its.xsd");
}

static void
test_random_validate (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(BtReview) review = bt_test_review_new_random (rand, 6);
      g_autofree char *path = write_temp (review);

      bt_test_validate (path, "validate-xliff-1.2-strict-its.xsd");
      remove_temp (path);
    }
}

static char *
rendering (BtReview *review,
           guint     paragraph)
{
  BtDocument *target = bt_review_get_target (review);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint s = 0; s < bt_document_get_n_sentences (target); s++)
    {
      const BtLink *link = bt_review_find_link (review, paragraph, s);
      g_autofree char *text = NULL;

      if (link == NULL || link->state == BT_STATE_REJECTED)
        continue;
      text = bt_document_dup_sentence_text (target, s);
      g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", g_strstrip (text));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* What translate-toolkit reads matches the review unit by unit. */
static void
test_translate_toolkit (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_golden ();
  g_autofree char *path = write_temp (review);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "core", "check-xliff12-translate.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  BtDocument *source = bt_review_get_source (review);
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s", err);
  if (g_str_has_prefix (out, "SKIP"))
    {
      g_test_skip (out);
      return;
    }
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, bt_document_get_n_paragraphs (source));
  for (guint p = 0; p < g_strv_length (lines); p++)
    {
      g_autoptr(GString) expected = g_string_new ("{\"id\": ");
      g_autofree char *target = rendering (review, p);
      g_autofree char *id = g_strdup_printf ("p%u", p + 1);
      g_autofree char *notes_json = NULL;
      char *notes = strstr (lines[p], "\"notes\": ");

      g_assert_nonnull (notes);
      bt_json_append_string (expected, id);
      g_string_append (expected, ", \"notes\": ");
      notes_json = g_strndup (notes + 9, strstr (notes, ", \"source\": ") - notes - 9);
      g_string_append (expected, notes_json);
      g_string_append (expected, ", \"source\": ");
      bt_json_append_string (expected, bt_document_get_paragraph (source, p)->text);
      g_string_append (expected, ", \"target\": ");
      bt_json_append_string (expected, target);
      g_string_append (expected, "}");
      g_assert_cmpstr (lines[p], ==, expected->str);
      g_assert_nonnull (strstr (notes_json, "Omission ["));
    }
  g_assert_nonnull (strstr (lines[1], "Check the emphasis ]]> later"));
  g_assert_nonnull (strstr (lines[0], "Place dropped: \\\"北京\\\" & <venue>"));
  remove_temp (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xliff12/golden", test_golden);
  g_test_add_func ("/xliff12/random-validate", test_random_validate);
  g_test_add_func ("/xliff12/translate-toolkit", test_translate_toolkit);

  return g_test_run ();
}
