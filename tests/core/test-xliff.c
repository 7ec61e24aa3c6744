/* test-xliff.c: the XLIFF 2.1 review file, written and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "bt-error.h"
#include "bt-test-review.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("BITEXT_FIXTURES_DIR"), "xliff", name, NULL);
}

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("bitext-xliff-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  if (!g_bytes_equal (a, b))
    g_error ("different bytes:\n%.*s\n---\n%.*s", (int) g_bytes_get_size (a),
             (const char *) g_bytes_get_data (a, NULL), (int) g_bytes_get_size (b),
             (const char *) g_bytes_get_data (b, NULL));
}

static BtReview *
reopen (GBytes *bytes)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  BtReview *review = bt_xliff_read_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         "test.xlf", &warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (review);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_false (bt_review_can_undo (review));
  g_assert_false (bt_review_get_modified (review));
  return review;
}

static void
test_random_roundtrip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint n = g_test_slow () ? 5000 : 1000;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtReview) review = bt_test_review_new_random (rand, 6);
      g_autoptr(GBytes) first = bt_xliff_write_bytes (review, NULL);
      g_autoptr(BtReview) back = NULL;
      g_autoptr(GBytes) second = NULL;

      g_assert_nonnull (first);
      back = reopen (first);
      if (!bt_review_equal (review, back))
        g_error ("review %u differs after save and open:\n%s", i,
                 (const char *) g_bytes_get_data (first, NULL));
      second = bt_xliff_write_bytes (back, NULL);
      assert_bytes_equal (first, second);

      if (i % 100 == 0 && bt_test_have_schemas ())
        {
          g_autofree char *path = temp_path ("random.xlf");

          g_assert_true (bt_xliff_write_file (back, path, NULL));
          bt_test_validate (path, "validate-xliff-2.1.xsd");
          remove_temp (path);
        }
    }
}

static void
test_golden (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_golden ();
  g_autoptr(GBytes) bytes = bt_xliff_write_bytes (review, NULL);
  g_autofree char *path = fixture ("golden.xlf");
  g_autofree char *expected = NULL;
  gsize size = 0;

  if (g_getenv ("BITEXT_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_true (g_file_get_contents (path, &expected, &size, NULL));
  {
    g_autoptr(GBytes) expected_bytes = g_bytes_new_static (expected, size);

    assert_bytes_equal (bytes, expected_bytes);
  }
  bt_test_validate (path, "validate-xliff-2.1.xsd");
}

/* The review file a user hands to us is written back unchanged. */
static void
test_open_save_identical (void)
{
  g_autofree char *path = fixture ("golden.xlf");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtReview) review = bt_xliff_read_file (path, NULL, &error);
  g_autoptr(BtReview) golden = bt_test_review_new_golden ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *original = NULL;
  gsize size = 0;

  g_assert_no_error (error);
  g_assert_true (bt_review_equal (review, golden));
  g_assert_cmpstr (bt_review_find_link (review, 0, 0)->decision.by, ==, "Ana");
  g_assert_cmpint (bt_review_find_link (review, 0, 0)->decision.at, ==, 1795000000);
  g_assert_null (bt_review_find_link (review, 1, 1)->decision.by);
  bytes = bt_xliff_write_bytes (review, NULL);
  g_assert_true (g_file_get_contents (path, &original, &size, NULL));
  {
    g_autoptr(GBytes) original_bytes = g_bytes_new_static (original, size);

    assert_bytes_equal (bytes, original_bytes);
  }
}

/* A review saved by an earlier Bitext, profile 1 with its links in
 * metaGroups, opens as the same review and is saved in the new shape. */
static void
test_open_profile1 (void)
{
  g_autofree char *old_path = fixture ("golden-profile1.xlf");
  g_autofree char *path = fixture ("golden.xlf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(BtReview) review = bt_xliff_read_file (old_path, &warnings, &error);
  g_autoptr(BtReview) golden = bt_test_review_new_golden ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *old = NULL;
  gsize size = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_true (g_file_get_contents (old_path, &old, NULL, NULL));
  g_assert_nonnull (strstr (old, "<mda:meta type=\"profile\">1</mda:meta>"));
  g_assert_nonnull (strstr (old, "category=\"bitext:link\""));
  g_assert_true (bt_review_equal (review, golden));
  g_assert_cmpstr (bt_review_find_link (review, 0, 0)->decision.by, ==, "Ana");
  g_assert_cmpint (bt_review_find_link (review, 0, 0)->decision.at, ==, 1795000000);
  bytes = bt_xliff_write_bytes (review, NULL);
  g_assert_true (g_file_get_contents (path, &expected, &size, NULL));
  {
    g_autoptr(GBytes) expected_bytes = g_bytes_new_static (expected, size);

    assert_bytes_equal (bytes, expected_bytes);
  }
}

/* Defaults are left out, and a decider's name may hold anything XML
 * carries, spaces and "=" included, though it ends the link's meta. */
static void
test_compact_links (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_golden ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BtReview) back = NULL;
  const char *xml;

  bt_review_set_reviewer (review, "Ana Lima = QA & \"co\" ");
  g_assert_true (bt_review_set_link_state (review, 1, 1, BT_STATE_ACCEPTED));
  g_assert_true (bt_review_add_addition (review, 0, BT_ORIGIN_AUTO, 0.25, BT_STATE_SUGGESTED));
  bytes = bt_xliff_write_bytes (review, NULL);
  xml = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (xml, "decided-by=Ana Lima = QA &amp; &quot;co&quot; </mda:meta>"));
  g_assert_nonnull (strstr (xml, "<mda:meta type=\"addition\">confidence=0.25</mda:meta>"));
  g_assert_null (strstr (xml, "origin=auto"));
  g_assert_null (strstr (xml, "state=suggested"));
  g_assert_null (strstr (xml, ">suggested<"));
  g_assert_null (strstr (xml, ">unreviewed<"));
  back = reopen (bytes);
  g_assert_true (bt_review_equal (review, back));
  g_assert_cmpstr (bt_review_find_link (back, 1, 1)->decision.by, ==, "Ana Lima = QA & \"co\" ");
}

/* Crossing omissions become <sm>/<em>, nested ones <mrk>. */
/* The example in data/xliff-profile.md is a valid review, written exactly
 * as Bitext writes it. */
static void
test_profile_example (void)
{
  g_autofree char *doc = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "xliff-profile.md", NULL);
  g_autofree char *markdown = NULL;
  g_autofree char *path = temp_path ("example.xlf");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BtReview) review = NULL;
  const char *start;
  const char *end;

  g_assert_true (g_file_get_contents (doc, &markdown, NULL, NULL));
  start = strstr (markdown, "```xml\n");
  g_assert_nonnull (start);
  start += strlen ("```xml\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);
  bytes = g_bytes_new (start, end - start);
  review = reopen (bytes);
  {
    g_autoptr(GBytes) again = bt_xliff_write_bytes (review, NULL);

    assert_bytes_equal (bytes, again);
  }
  g_assert_true (g_file_set_contents (path, start, end - start, NULL));
  bt_test_validate (path, "validate-xliff-2.1.xsd");
  remove_temp (path);
}

/* A harmless DOCTYPE, without entities, changes nothing. */
static void
test_doctype (void)
{
  g_autofree char *path = fixture ("golden.xlf");
  g_autofree char *xml = NULL;
  g_autoptr(GString) with_doctype = NULL;
  g_autoptr(BtReview) golden = bt_test_review_new_golden ();
  g_autoptr(BtReview) review = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  with_doctype = g_string_new (xml);
  g_assert_cmpuint (g_string_replace (with_doctype, "?>\n", "?>\n<!DOCTYPE xliff>\n", 1), ==, 1);
  review = bt_xliff_read_data (with_doctype->str, with_doctype->len, "doctype.xlf", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bt_review_equal (review, golden));
}

static void
test_markers (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_golden ();
  g_autoptr(GBytes) bytes = bt_xliff_write_bytes (review, NULL);
  const char *xml = g_bytes_get_data (bytes, NULL);

  g_assert_nonnull (strstr (xml, "<sm id=\"o2\""));
  g_assert_nonnull (strstr (xml, "<em startRef=\"o2\"/>"));
  g_assert_nonnull (strstr (xml, "<mrk id=\"o1\""));
  g_assert_nonnull (strstr (xml, "<mrk id=\"o3\""));
  g_assert_nonnull (strstr (xml, "its:locQualityIssueSeverity=\"60\""));
  g_assert_nonnull (strstr (xml, "&lt;venue&gt;"));
}

static void
test_write_refuses_control_characters (void)
{
  g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  g_autoptr(BtReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  BtSpan span = { 0, 3 };

  g_assert_true (bt_document_append_segmented (source, "中\x01文", 0, &span, 1, NULL));
  review = bt_review_new (source, target);
  bytes = bt_xliff_write_bytes (review, &error);
  g_assert_null (bytes);
  g_assert_error (error, BT_ERROR, BT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "U+0001"));
}

static void
test_profile_errors (void)
{
  static const struct
  {
    const char *from;
    const char *to;
    const char *message;
  } cases[] = {
    { "confidence=0.91 state=accepted", "confidence=0.91 state=maybe", "“state”" },
    { "<mda:meta type=\"state\">accepted</mda:meta>", "<mda:meta type=\"state\">maybe</mda:meta>", "“state”" },
    { "#/f=f1/u=p1 confidence=0.91", "#/f=f1/u=p9 confidence=0.91", "p9" },
    { "u=p2 confidence=0.6", "u=p2 confidence=1.5", "“confidence”" },
    { "u=p2 confidence=0.6", "u=p2 colour=red", "“link”" },
    { "u=p2 confidence=0.6", "u=p2", "“confidence”" },
    { "decided-at=2026-11-18T11:06:40Z decided-by=Ana</mda:meta>\n        </mda:metaGroup>",
      "decided-at=yesterday decided-by=Ana</mda:meta>\n        </mda:metaGroup>", "“decided-at”" },
    { "<mda:meta type=\"profile\">2</mda:meta>", "<mda:meta type=\"profile\">7</mda:meta>", "profile 7" },
    { "<mda:meta type=\"sentences\">0 12 12 20</mda:meta>", "<mda:meta type=\"sentences\">0 12 12 99</mda:meta>", "line" },
    { "<mda:meta type=\"start\">12</mda:meta>", "<mda:meta type=\"start\">ten</mda:meta>", "“start”" },
    { "<mda:meta type=\"status\">reviewed</mda:meta>", "<mda:meta type=\"status\">done</mda:meta>", "“status”" },
    { "<mda:meta type=\"span\">26 47</mda:meta>", "", "“span”" },
    { "<unit id=\"p2\">", "<unit id=\"p1\">", "used twice" },
  };
  g_autofree char *path = fixture ("golden.xlf");
  g_autofree char *xml = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) broken = g_string_new (xml);
      g_autoptr(GError) error = NULL;
      g_autoptr(BtReview) review = NULL;

      g_assert_cmpuint (g_string_replace (broken, cases[i].from, cases[i].to, 1), ==, 1);
      review = bt_xliff_read_data (broken->str, broken->len, "broken.xlf", NULL, &error);
      g_assert_null (review);
      g_assert_error (error, BT_ERROR, BT_ERROR_FORMAT);
      g_assert_true (g_str_has_prefix (error->message, "broken.xlf, line "));
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
    }
}

static void
test_foreign (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = fixture (name);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtReview) review = bt_xliff_read_file (path, &warnings, &error);
  BtDocument *source;
  BtDocument *target;

  g_assert_no_error (error);
  source = bt_review_get_source (review);
  target = bt_review_get_target (review);
  g_assert_cmpuint (bt_document_get_n_paragraphs (source), ==, 3);
  g_assert_cmpstr (bt_document_get_paragraph (source, 0)->text, ==, "北京今天下雨。明天转晴。");
  g_assert_cmpstr (bt_document_get_paragraph (source, 1)->text, ==, "请点击确定按钮。");
  g_assert_cmpuint (bt_document_get_n_paragraphs (target), ==, 2);
  g_assert_cmpstr (bt_document_get_paragraph (target, 0)->text, ==, "It rained in Beijing today. Tomorrow will be fine.");
  g_assert_cmpuint (bt_document_get_n_sentences (target), ==, 3);
  g_assert_nonnull (bt_review_find_link (review, 0, 1));
  g_assert_nonnull (bt_review_find_link (review, 1, 2));
  g_assert_cmpuint (bt_review_get_n_links (review), ==, 3);
  g_assert_cmpuint (warnings->len, >=, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "not written by Bitext"));
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s: %s", name, (const char *) g_ptr_array_index (warnings, i));
}

static void
test_refused (void)
{
  static const struct
  {
    const char *xml;
    int         code;
    const char *message;
  } cases[] = {
    { "<?xml version=\"1.0\"?>\n<html/>\n", BT_ERROR_FORMAT, "line 2: this is not an XLIFF file" },
    { "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:3.0\"/>", BT_ERROR_FORMAT, "unknown XLIFF namespace" },
    { "<?xml version=\"1.0\"?>\n\n<xliff>\n<file>\n</xliff>\n", BT_ERROR_XML, "x.xlf, line 6: malformed XML" },
    { "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"zh\"><file id=\"f\"/></xliff>",
      BT_ERROR_FORMAT, "no unit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BtReview) review = bt_xliff_read_data (cases[i].xml, strlen (cases[i].xml), "x.xlf", NULL, &error);

      g_assert_null (review);
      g_assert_error (error, BT_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
    }
}

static int
run_cli (const char *const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BITEXT_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, out, err, &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_convert (void)
{
  g_autofree char *golden = fixture ("golden.xlf");
  g_autofree char *golden_json = fixture ("golden.json");
  g_autofree char *out_path = temp_path ("out.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  const char *to_xliff[] = { "convert", golden, "--format", "xliff", NULL };
  const char *to_json[] = { "convert", golden, "--format", "json", "-o", out_path, NULL };

  if (g_getenv ("BITEXT_CLI") == NULL)
    {
      g_test_skip ("BITEXT_CLI is not set");
      return;
    }
  g_assert_cmpint (run_cli (to_xliff, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (golden, &expected, NULL, NULL));
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (to_json, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (golden_json, &expected, NULL, NULL));
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  remove_temp (out_path);
}

static void
test_cli_failures (void)
{
  g_autofree char *golden = fixture ("golden.xlf");
  g_autofree char *foreign = fixture ("foreign-2.0.xlf");
  g_autofree char *out_path = temp_path ("never.json");
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "bitext-no-such-review.xlf", NULL);
  struct
  {
    const char *args[8];
    int         status;
    const char *message;
  } cases[] = {
    { { "convert", golden, NULL }, 2, "--format" },
    { { "convert", golden, "--format", "docx", NULL }, 2, "--format" },
    { { "convert", NULL }, 2, "one review file" },
    { { "convert", missing, "--format", "json", "-o", out_path, NULL }, 1, "bitext-no-such-review.xlf" },
    { { "validate", foreign, NULL }, 1, "not a Bitext review" },
    { { "stats", missing, NULL }, 1, "bitext-no-such-review.xlf" },
  };

  if (g_getenv ("BITEXT_CLI") == NULL)
    {
      g_test_skip ("BITEXT_CLI is not set");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (cases[i].args, &out, &err), ==, cases[i].status);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, err, cases[i].message);
    }
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  remove_temp (out_path);
}

static void
test_cli_validate_stats (void)
{
  g_autofree char *golden = fixture ("golden.xlf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *validate[] = { "validate", golden, NULL };
  const char *stats[] = { "stats", golden, NULL };

  if (g_getenv ("BITEXT_CLI") == NULL)
    {
      g_test_skip ("BITEXT_CLI is not set");
      return;
    }
  g_assert_cmpint (run_cli (validate, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "(paragraphs: 2, sentences: 2, links: 3, omissions: 4)"));
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (stats, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Paragraphs: 2 (reviewed 1, needing attention 1)"));
  g_assert_nonnull (strstr (out, "Source characters: 34"));
  g_assert_nonnull (strstr (out, "Score: "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xliff/random-roundtrip", test_random_roundtrip);
  g_test_add_func ("/xliff/golden", test_golden);
  g_test_add_func ("/xliff/open-save-identical", test_open_save_identical);
  g_test_add_func ("/xliff/open-profile-1", test_open_profile1);
  g_test_add_func ("/xliff/compact-links", test_compact_links);
  g_test_add_func ("/xliff/markers", test_markers);
  g_test_add_func ("/xliff/profile-example", test_profile_example);
  g_test_add_func ("/xliff/doctype", test_doctype);
  g_test_add_func ("/xliff/control-characters", test_write_refuses_control_characters);
  g_test_add_func ("/xliff/profile-errors", test_profile_errors);
  g_test_add_func ("/xliff/refused", test_refused);
  g_test_add_data_func ("/xliff/foreign-1.2", "foreign-okapi-1.2.xlf", test_foreign);
  g_test_add_data_func ("/xliff/foreign-2.0", "foreign-2.0.xlf", test_foreign);
  g_test_add_func ("/xliff/cli/convert", test_cli_convert);
  g_test_add_func ("/xliff/cli/failures", test_cli_failures);
  g_test_add_func ("/xliff/cli/validate-stats", test_cli_validate_stats);

  return g_test_run ();
}
