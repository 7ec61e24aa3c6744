/* test-bilingual.c: one file holding both languages, split in two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-bilingual.h"
#include "bt-error.h"
#include "bt-text.h"

typedef struct
{
  BtDocument *source;
  BtDocument *target;
} Split;

static void
split_clear (Split *split)
{
  g_clear_object (&split->source);
  g_clear_object (&split->target);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Split, split_clear)

static gboolean
split_string (const char       *contents,
              BtParagraphMode   mode,
              Split            *split,
              GError          **error)
{
  g_autoptr(BtText) text = bt_text_new_from_string (contents, "pair.txt");

  return bt_bilingual_split (text, mode, &split->source, &split->target, error);
}

static void
assert_paragraph (BtDocument *document,
                  guint       index,
                  const char *text,
                  guint       line)
{
  const BtParagraph *paragraph = bt_document_get_paragraph (document, index);

  g_assert_cmpstr (paragraph->text, ==, text);
  g_assert_cmpuint (paragraph->line, ==, line);
}

static void
test_sides_and_order (void)
{
  g_auto(Split) split = { NULL };
  g_autoptr(GError) error = NULL;

  split_string ("A preface. It has two sentences.\n"
                "习近平主持召开座谈会。\n"
                "習近平強調,要堅持發展。強化科技創新。\n"
                "新华社重庆4月23日电 (Xinhua)\n"
                "Xi chairs symposium.\n"
                "CHONGQING, April 23 (Xinhua) -- Xi stressed efforts. Li attended.",
                BT_PARAGRAPH_MODE_LINES, &split, &error);
  g_assert_no_error (error);

  g_assert_cmpint (bt_document_get_language (split.source), ==, BT_LANGUAGE_ZH);
  g_assert_cmpint (bt_document_get_language (split.target), ==, BT_LANGUAGE_EN);
  g_assert_cmpuint (bt_document_get_n_paragraphs (split.source), ==, 3);
  g_assert_cmpuint (bt_document_get_n_paragraphs (split.target), ==, 3);
  assert_paragraph (split.source, 0, "习近平主持召开座谈会。", 2);
  assert_paragraph (split.source, 1, "習近平強調,要堅持發展。強化科技創新。", 3);
  assert_paragraph (split.source, 2, "新华社重庆4月23日电 (Xinhua)", 4);
  assert_paragraph (split.target, 0, "A preface. It has two sentences.", 1);
  assert_paragraph (split.target, 1, "Xi chairs symposium.", 5);
  assert_paragraph (split.target, 2,
                    "CHONGQING, April 23 (Xinhua) -- Xi stressed efforts. Li attended.", 6);

  /* Each side is segmented in its own language. */
  g_assert_cmpuint (bt_document_get_paragraph (split.source, 1)->n_sentences, ==, 2);
  g_assert_cmpuint (bt_document_get_paragraph (split.target, 0)->n_sentences, ==, 2);
  g_assert_cmpuint (bt_document_get_paragraph (split.target, 2)->n_sentences, ==, 2);
}

static void
test_no_letters_follow (void)
{
  g_auto(Split) split = { NULL };
  g_autoptr(GError) error = NULL;

  split_string ("2024\n中文段落。\n* * *\nEnglish paragraph.\n■\n",
                BT_PARAGRAPH_MODE_LINES, &split, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (bt_document_get_n_paragraphs (split.source), ==, 2);
  g_assert_cmpuint (bt_document_get_n_paragraphs (split.target), ==, 3);
  assert_paragraph (split.target, 0, "2024", 1);
  assert_paragraph (split.source, 0, "中文段落。", 2);
  assert_paragraph (split.source, 1, "* * *", 3);
  assert_paragraph (split.target, 1, "English paragraph.", 4);
  assert_paragraph (split.target, 2, "■", 5);
}

static void
test_blank_lines (void)
{
  g_auto(Split) split = { NULL };
  g_autoptr(GError) error = NULL;

  split_string ("第一段的前半，\n第一段的后半。\n\n"
                "The first paragraph,\nwrapped.\n\n"
                "第二段。\n",
                BT_PARAGRAPH_MODE_AUTO, &split, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (bt_document_get_n_paragraphs (split.source), ==, 2);
  g_assert_cmpuint (bt_document_get_n_paragraphs (split.target), ==, 1);
  assert_paragraph (split.source, 0, "第一段的前半，第一段的后半。", 1);
  assert_paragraph (split.source, 1, "第二段。", 7);
  assert_paragraph (split.target, 0, "The first paragraph, wrapped.", 4);
}

static void
test_forced_lines (void)
{
  g_auto(Split) split = { NULL };
  g_autoptr(GError) error = NULL;

  split_string ("中文。\n\nEnglish one.\nEnglish two.\n",
                BT_PARAGRAPH_MODE_LINES, &split, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (bt_document_get_n_paragraphs (split.source), ==, 1);
  g_assert_cmpuint (bt_document_get_n_paragraphs (split.target), ==, 2);
  assert_paragraph (split.target, 1, "English two.", 4);
}

typedef struct
{
  const char *contents;
  int         code;
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "Only English here.\nAnd more English.", BT_ERROR_NO_SOURCE },
    { "只有中文。\n還是中文。", BT_ERROR_NO_TARGET },
    { "2024\n■", BT_ERROR_NO_SOURCE },
    { "\n\n", BT_ERROR_NO_SOURCE },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_auto(Split) split = { NULL };
      g_autoptr(GError) error = NULL;

      g_assert_false (split_string (cases[k].contents, BT_PARAGRAPH_MODE_AUTO, &split, &error));
      g_assert_error (error, BT_ERROR, cases[k].code);
      g_assert_nonnull (strstr (error->message, "pair.txt"));
      g_assert_null (split.source);
      g_assert_null (split.target);
    }
}

static char *
read_seed (const char *name)
{
  const char *shared = g_getenv ("BITEXT_SHARED_DIR");
  g_autofree char *path = g_build_filename (shared, "corpus", "seed", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
assert_lines (BtDocument *document,
              const char *expected)
{
  g_auto(GStrv) lines = g_strsplit (expected, "\n", -1);
  guint n_lines = g_strv_length (lines);

  if (n_lines > 0 && *lines[n_lines - 1] == '\0')
    n_lines--;

  g_assert_cmpuint (bt_document_get_n_paragraphs (document), ==, n_lines);
  for (guint k = 0; k < n_lines; k++)
    g_assert_cmpstr (bt_document_get_paragraph (document, k)->text, ==, lines[k]);
}

static void
test_seed (void)
{
  const char *shared = g_getenv ("BITEXT_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BtText) text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Split) split = { NULL };

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("BITEXT_SHARED_DIR is not set or not a folder: no seed corpus");
      return;
    }

  path = g_build_filename (shared, "corpus", "seed", "bilingual.txt", NULL);
  file = g_file_new_for_path (path);
  text = bt_text_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  bt_bilingual_split (text, BT_PARAGRAPH_MODE_AUTO, &split.source, &split.target, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (bt_document_get_n_paragraphs (split.source), ==, 22);
  g_assert_cmpuint (bt_document_get_n_paragraphs (split.target), ==, 27);
  g_assert_cmpuint (bt_document_get_paragraph (split.target, 0)->line, ==, 1);
  g_assert_cmpuint (bt_document_get_paragraph (split.source, 0)->line, ==, 2);
  g_assert_cmpuint (bt_document_get_paragraph (split.source, 21)->line, ==, 23);
  g_assert_cmpuint (bt_document_get_paragraph (split.target, 1)->line, ==, 24);
  g_assert_cmpuint (bt_document_get_n_sentences (split.target), ==, 30);

  zh = read_seed ("zh.txt");
  en = read_seed ("en.txt");
  assert_lines (split.source, zh);
  assert_lines (split.target, en);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bilingual/sides-and-order", test_sides_and_order);
  g_test_add_func ("/bilingual/no-letters-follow", test_no_letters_follow);
  g_test_add_func ("/bilingual/blank-lines", test_blank_lines);
  g_test_add_func ("/bilingual/forced-lines", test_forced_lines);
  g_test_add_func ("/bilingual/errors", test_errors);
  g_test_add_func ("/bilingual/seed", test_seed);

  return g_test_run ();
}
