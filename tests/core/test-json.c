/* test-json.c: the JSON export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bt-error.h"
#include "bt-json-reader.h"
#include "bt-json-writer.h"
#include "bt-test-review.h"

static void
test_golden (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_golden ();
  g_autoptr(GBytes) bytes = bt_json_write_bytes (review);
  g_autofree char *path = g_build_filename (g_getenv ("BITEXT_FIXTURES_DIR"), "xliff", "golden.json", NULL);
  g_autofree char *expected = NULL;

  if (g_getenv ("BITEXT_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_true (g_file_get_contents (path, &expected, NULL, NULL));
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, expected);
}

static void
test_escaping (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "plain 中文", "\"plain 中文\"" },
    { "q\"b\\", "\"q\\\"b\\\\\"" },
    { "a\nb\tc\r", "\"a\\nb\\tc\\r\"" },
    { "\x01\x1f", "\"\\u0001\\u001f\"" },
    { "]]></x>", "\"]]></x>\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      bt_json_append_string (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

/* A review far larger than one piece streams to the same bytes. */
static void
test_streamed (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_large (3000);
  g_autoptr(GBytes) bytes = bt_json_write_bytes (review);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bitext-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "review.json", NULL);
  g_autofree char *written = NULL;
  gsize size = 0;

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1024 * 1024);
  g_assert_true (bt_json_write_file (review, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &size, NULL));
  g_assert_cmpuint (size, ==, g_bytes_get_size (bytes));
  g_assert_true (memcmp (written, g_bytes_get_data (bytes, NULL), size) == 0);
  g_unlink (path);
  g_rmdir (dir);
}

/* Python's json module reads every random review's export. */
static void
test_random_parse (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(BtReview) review = bt_test_review_new_random (rand, 5);
      g_autoptr(GBytes) bytes = bt_json_write_bytes (review);
      g_autofree char *path = NULL;
      g_autofree char *out = NULL;
      int fd = g_file_open_tmp ("bitext-XXXXXX.json", &path, NULL);
      const char *argv[] = { "/usr/bin/python3", "-c",
        "import json,sys; d=json.load(open(sys.argv[1])); "
        "print(len(d['source']['paragraphs']), len(d['target']['sentences']), len(d['links']), len(d['omissions']))",
        NULL, NULL };
      g_autofree char *expected = NULL;
      int status = 0;

      g_assert_cmpint (fd, >=, 0);
      close (fd);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      argv[3] = path;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      expected = g_strdup_printf ("%u %u %u %u\n",
                                  bt_document_get_n_paragraphs (bt_review_get_source (review)),
                                  bt_document_get_n_sentences (bt_review_get_target (review)),
                                  bt_review_get_n_links (review), bt_review_get_n_omissions (review));
      g_assert_cmpstr (out, ==, expected);
      g_unlink (path);
    }
}

/* JSON read back and written again gives the same bytes. */
static void
test_random_reread (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(BtReview) review = bt_test_review_new_random (rand, 6);
      g_autoptr(GBytes) first = bt_json_write_bytes (review);
      g_autoptr(GError) error = NULL;
      g_autoptr(BtReview) back = bt_json_read_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                                    "random.json", &error);
      g_autoptr(GBytes) second = NULL;

      g_assert_no_error (error);
      second = bt_json_write_bytes (back);
      if (!g_bytes_equal (first, second))
        g_error ("review %u differs after JSON write and read:\n%s\n---\n%s", i,
                 (const char *) g_bytes_get_data (first, NULL), (const char *) g_bytes_get_data (second, NULL));
      g_assert_cmpuint (bt_document_get_n_paragraphs (bt_review_get_target (back)), <=,
                        bt_document_get_n_paragraphs (bt_review_get_target (review)));
    }
}

static void
test_read_errors (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "", "line 1, byte 1: expected a value" },
    { "{\"format\": \"bitext-review\",\n  \"version\": 1,,", "line 2, byte 16: expected a member name" },
    { "[1, 2", "line 1, byte 6: expected “,” or “]”" },
    { "\"\\ud800\"", "lone surrogate" },
    { "{\"format\": \"other\"}", "not a Bitext review" },
    { "{\"format\": \"bitext-review\", \"version\": 2}", "version 2" },
    { "{\"format\": \"bitext-review\", \"version\": 1, \"source\": {\"paragraphs\": "
      "[{\"id\": \"p1\", \"text\": \"中文\", \"sentences\": [[0, 2]]}]}, "
      "\"links\": [{\"source\": \"p2\", \"target\": \"e1\", \"origin\": \"auto\", \"state\": \"suggested\"}]}",
      "link 1" },
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BtReview) review = bt_json_read_data (cases[i].json, strlen (cases[i].json), "bad.json", &error);

      g_assert_null (review);
      g_assert_error (error, BT_ERROR, BT_ERROR_FORMAT);
      if (!g_str_has_prefix (error->message, "bad.json") || strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
    }
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BtReview) review = bt_json_read_data (deep->str, deep->len, "bad.json", &error);

    g_assert_null (review);
    g_assert_nonnull (strstr (error->message, "nest deeper"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/golden", test_golden);
  g_test_add_func ("/json/escaping", test_escaping);
  g_test_add_func ("/json/streamed", test_streamed);
  g_test_add_func ("/json/random-parse", test_random_parse);
  g_test_add_func ("/json/random-reread", test_random_reread);
  g_test_add_func ("/json/read-errors", test_read_errors);

  return g_test_run ();
}
