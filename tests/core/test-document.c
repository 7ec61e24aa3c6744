/* test-document.c: paragraphs and sentences of one side of a review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-document.h"
#include "bt-error.h"
#include "bt-text.h"

/* The structure holds together: sentences cover each paragraph in order
 * and point back to it. */
static void
check_document (BtDocument *document)
{
  guint n_paragraphs = bt_document_get_n_paragraphs (document);
  guint next_sentence = 0;
  guint64 n_chars = 0;

  for (guint p = 0; p < n_paragraphs; p++)
    {
      const BtParagraph *paragraph = bt_document_get_paragraph (document, p);
      guint expected_start = 0;

      g_assert_cmpuint (paragraph->n_chars, ==, g_utf8_strlen (paragraph->text, -1));
      g_assert_null (strchr (paragraph->text, '\n'));
      g_assert_cmpuint (paragraph->first_sentence, ==, next_sentence);
      for (guint k = 0; k < paragraph->n_sentences; k++)
        {
          const BtSentence *sentence = bt_document_get_sentence (document, paragraph->first_sentence + k);

          g_assert_cmpuint (sentence->paragraph, ==, p);
          g_assert_cmpuint (sentence->start, ==, expected_start);
          g_assert_cmpuint (sentence->end, >, sentence->start);
          expected_start = sentence->end;
        }
      g_assert_cmpuint (expected_start, ==, paragraph->n_chars);
      next_sentence += paragraph->n_sentences;
      n_chars += paragraph->n_chars;
    }
  g_assert_cmpuint (next_sentence, ==, bt_document_get_n_sentences (document));
  g_assert_cmpuint (n_chars, ==, bt_document_get_n_chars (document));
}

/* Paragraphs as "LINE:TEXT|LINE:TEXT…". */
static char *
describe_paragraphs (BtDocument *document)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < bt_document_get_n_paragraphs (document); p++)
    {
      const BtParagraph *paragraph = bt_document_get_paragraph (document, p);

      g_string_append_printf (out, "%s%u:%s", p > 0 ? "|" : "", paragraph->line, paragraph->text);
    }
  return g_string_free (out, FALSE);
}

/* Sentences as "TEXT|TEXT…". */
static char *
describe_sentences (BtDocument *document)
{
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < bt_document_get_n_sentences (document); s++)
    {
      g_autofree char *text = bt_document_dup_sentence_text (document, s);

      g_string_append_printf (out, "%s%s", s > 0 ? "|" : "", text);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char      *name;
  const char      *input;
  BtLanguage       language;
  BtParagraphMode  mode;
  const char      *expected;
} ParagraphCase;

static const ParagraphCase paragraph_cases[] = {
  { "lines-zh", "第一段。第二句。\n\n  第二段\u3000\n", BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_LINES,
    "1:第一段。第二句。|3:第二段" },
  { "lines-keep-each-line", "a\nb\n\nc", BT_LANGUAGE_EN, BT_PARAGRAPH_MODE_LINES, "1:a|2:b|4:c" },
  { "blocks-en", "Line one of\n  a block.\n\nSecond block.\r\n", BT_LANGUAGE_EN,
    BT_PARAGRAPH_MODE_BLANK_LINES, "1:Line one of a block.|4:Second block." },
  { "blocks-zh-join-nothing", "第一行\n第二行。\n\u3000\n第三段。", BT_LANGUAGE_ZH,
    BT_PARAGRAPH_MODE_BLANK_LINES, "1:第一行第二行。|4:第三段。" },
  { "blocks-zh-latin-joint", "新款iPhone\n15发布。", BT_LANGUAGE_ZH,
    BT_PARAGRAPH_MODE_BLANK_LINES, "1:新款iPhone 15发布。" },
  { "blocks-many-blank-lines", "\n\nA.\n\n\n\nB.\n\n", BT_LANGUAGE_EN,
    BT_PARAGRAPH_MODE_BLANK_LINES, "3:A.|7:B." },
  { "auto-blocks", "Title\n\nOne\ntwo.\n\nThree.", BT_LANGUAGE_EN, BT_PARAGRAPH_MODE_AUTO,
    "1:Title|3:One two.|6:Three." },
  { "auto-lines", "One.\nTwo.\r\nThree.\n", BT_LANGUAGE_EN, BT_PARAGRAPH_MODE_AUTO,
    "1:One.|2:Two.|3:Three." },
  { "auto-lines-despite-outer-blanks", "\n\n一。\n二。\n\n\n", BT_LANGUAGE_ZH,
    BT_PARAGRAPH_MODE_AUTO, "3:一。|4:二。" },
  { "auto-cr-line-ends", "甲。\r\r乙\r丙。", BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_AUTO,
    "1:甲。|3:乙丙。" },
  { "whitespace-only", " \n\u3000\n\t", BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_AUTO, "" },
  /* Blank at either end: ASCII, the no-break and ideographic spaces, line
   * and paragraph separators, stray BOMs, zero-width spaces; a blank
   * inside stays, as does a character that only looks empty. */
  { "strip-every-blank", "\t\f \u00A0\u3000甲 乙\u3000\u2028\u2029\uFEFF\u200B\r\n"
    "\uFEFF\u200B\u3000丙\u2060\n\u3000", BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_LINES,
    "1:甲 乙|2:丙\u2060" },
  { "strip-en", " \u00A0A b.\u00A0 \n\u200BC.\t", BT_LANGUAGE_EN, BT_PARAGRAPH_MODE_AUTO,
    "1:A b.|2:C." },
};

static void
test_paragraphs (gconstpointer data)
{
  const ParagraphCase *c = data;
  g_autoptr(BtText) text = bt_text_new_from_string (c->input, "t.txt");
  g_autoptr(BtDocument) document = bt_document_new_from_text (text, c->language, c->mode);
  g_autofree char *described = describe_paragraphs (document);

  g_assert_cmpstr (described, ==, c->expected);
  g_assert_cmpint (bt_document_get_language (document), ==, c->language);
  g_assert_cmpstr (bt_document_get_name (document), ==, "t.txt");
  check_document (document);
}

/* Line numbers are those of the file, through a decoded UTF-16 text. */
static void
test_file_lines (void)
{
  const char utf8[] = "\r\n标题\r\n\r\n第一段第一行，\r\n第二行。\r\n\r\n第二段。";
  g_autofree char *utf16 = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;
  g_autoptr(BtDocument) document = NULL;
  g_autofree char *described = NULL;
  gsize length = 0;

  utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_byte_array_append (data, (const guint8 *)"\xFF\xFE", 2);
  g_byte_array_append (data, (const guint8 *)utf16, length);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  text = bt_text_new_from_bytes (bytes, "zh.txt", NULL, &error);
  g_assert_no_error (error);

  document = bt_document_new_from_text (text, BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_AUTO);
  described = describe_paragraphs (document);
  g_assert_cmpstr (described, ==, "2:标题|4:第一段第一行，第二行。|7:第二段。");
}

static void
test_sentences (void)
{
  g_autoptr(BtDocument) document = bt_document_new (BT_LANGUAGE_EN);
  g_autofree char *sentences = NULL;

  bt_document_append_paragraph (document, "He left. She stayed.", 1);
  bt_document_append_paragraph (document, "Alone.", 3);
  sentences = describe_sentences (document);

  g_assert_cmpstr (sentences, ==, "He left. |She stayed.|Alone.");
  g_assert_cmpuint (bt_document_get_paragraph (document, 1)->first_sentence, ==, 2);
  g_assert_cmpuint (bt_document_get_sentence (document, 2)->paragraph, ==, 1);
  g_assert_cmpuint (bt_document_get_n_chars (document), ==, 26);
  check_document (document);
}

static BtDocument *
make_document (BtLanguage          language,
               const char * const *paragraphs)
{
  BtDocument *document = bt_document_new (language);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    bt_document_append_paragraph (document, paragraphs[i], i + 1);
  check_document (document);
  return document;
}

static const char * const zh_paragraphs[] = {
  "会议在北京举行。",
  "他强调，要坚持发展。要深化改革！“我们一定能成功。”他说。",
  "最后一段。",
  NULL,
};

/* Splitting a Chinese paragraph anywhere and merging it back restores the
 * paragraph, its sentences joined at the cut. */
static void
test_split_merge_paragraph_zh (void)
{
  g_autoptr(BtDocument) original = make_document (BT_LANGUAGE_ZH, zh_paragraphs);
  g_autofree char *before = describe_paragraphs (original);
  g_autofree char *sentences_before = describe_sentences (original);
  guint n_chars = bt_document_get_paragraph (original, 1)->n_chars;

  for (guint at = 1; at < n_chars; at++)
    {
      g_autoptr(BtDocument) document = bt_document_copy (original);
      g_autofree char *after = NULL;
      g_autofree char *sentences_after = NULL;
      guint n_sentences;

      g_assert_true (bt_document_split_paragraph (document, 1, at));
      check_document (document);
      g_assert_cmpuint (bt_document_get_n_paragraphs (document), ==, 4);
      g_assert_cmpuint (bt_document_get_paragraph (document, 1)->n_chars, ==, at);
      g_assert_cmpuint (bt_document_get_paragraph (document, 2)->line, ==, 2);

      n_sentences = bt_document_get_n_sentences (document);
      g_assert_true (bt_document_merge_paragraphs (document, 1));
      check_document (document);
      after = describe_paragraphs (document);
      g_assert_cmpstr (after, ==, before);

      /* A cut inside a sentence leaves it in two until merged. */
      if (bt_document_get_n_sentences (document) > bt_document_get_n_sentences (original))
        {
          guint s = bt_document_get_paragraph (document, 1)->first_sentence;

          while (bt_document_get_sentence (document, s)->end != at)
            s++;
          g_assert_true (bt_document_merge_sentences (document, s));
        }
      g_assert_cmpuint (n_sentences, >=, bt_document_get_n_sentences (document));
      sentences_after = describe_sentences (document);
      g_assert_cmpstr (sentences_after, ==, sentences_before);
      check_document (document);
    }
}

static void
test_split_merge_paragraph_en (void)
{
  const char * const paragraphs[] = { "First one. Second one. Third.", NULL };
  g_autoptr(BtDocument) document = make_document (BT_LANGUAGE_EN, paragraphs);
  g_autofree char *split = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *sentences = NULL;

  g_assert_true (bt_document_split_paragraph (document, 0, 11));
  check_document (document);
  split = describe_paragraphs (document);
  g_assert_cmpstr (split, ==, "1:First one.|1:Second one. Third.");

  g_assert_true (bt_document_merge_paragraphs (document, 0));
  check_document (document);
  merged = describe_paragraphs (document);
  sentences = describe_sentences (document);
  g_assert_cmpstr (merged, ==, "1:First one. Second one. Third.");
  g_assert_cmpstr (sentences, ==, "First one. |Second one. |Third.");
}

static void
test_split_paragraph_refused (void)
{
  const char * const paragraphs[] = { "One.   Two.", "Three.", NULL };
  g_autoptr(BtDocument) document = make_document (BT_LANGUAGE_EN, paragraphs);
  g_autofree char *before = describe_paragraphs (document);
  g_autofree char *after = NULL;

  g_assert_false (bt_document_split_paragraph (document, 0, 0));
  g_assert_false (bt_document_split_paragraph (document, 0, 11));
  g_assert_false (bt_document_split_paragraph (document, 0, 400));
  g_assert_false (bt_document_merge_paragraphs (document, 1));
  g_assert_false (bt_document_merge_paragraphs (document, 7));
  after = describe_paragraphs (document);
  g_assert_cmpstr (after, ==, before);
  check_document (document);

  /* The spaces at the cut go, and with them nothing but whitespace. */
  g_assert_true (bt_document_split_paragraph (document, 0, 5));
  g_clear_pointer (&after, g_free);
  after = describe_paragraphs (document);
  g_assert_cmpstr (after, ==, "1:One.|1:Two.|2:Three.");
  check_document (document);
}

static void
test_split_merge_sentence (void)
{
  g_autoptr(BtDocument) document = make_document (BT_LANGUAGE_ZH, zh_paragraphs);
  g_autofree char *before = describe_sentences (document);
  g_autofree char *after = NULL;
  const BtSentence *sentence;
  guint n = bt_document_get_n_sentences (document);
  guint s = bt_document_get_paragraph (document, 1)->first_sentence;
  guint next = bt_document_get_paragraph (document, 2)->first_sentence;

  sentence = bt_document_get_sentence (document, s);
  g_assert_false (bt_document_split_sentence (document, s, sentence->start));
  g_assert_false (bt_document_split_sentence (document, s, sentence->end));
  g_assert_true (bt_document_split_sentence (document, s, 3));
  check_document (document);
  g_assert_cmpuint (bt_document_get_n_sentences (document), ==, n + 1);
  g_assert_cmpuint (bt_document_get_paragraph (document, 2)->first_sentence, ==, next + 1);
  after = bt_document_dup_sentence_text (document, s);
  g_assert_cmpstr (after, ==, "他强调");

  g_assert_true (bt_document_merge_sentences (document, s));
  check_document (document);
  g_clear_pointer (&after, g_free);
  after = describe_sentences (document);
  g_assert_cmpstr (after, ==, before);

  /* Sentences of two paragraphs never merge. */
  g_assert_false (bt_document_merge_sentences (document, s - 1));
  g_assert_false (bt_document_merge_sentences (document, bt_document_get_n_sentences (document) - 1));
  check_document (document);
}

static char *
join_paragraphs (BtDocument *document)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < bt_document_get_n_paragraphs (document); p++)
    g_string_append (out, bt_document_get_paragraph (document, p)->text);
  return g_string_free (out, FALSE);
}

/* Random corrections in any order keep the structure whole and, in
 * Chinese without spaces, the text itself. */
static void
test_random_edits (void)
{
  g_autoptr(BtDocument) document = make_document (BT_LANGUAGE_ZH, zh_paragraphs);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *before = join_paragraphs (document);
  guint n_changed = 0;

  for (guint round = 0; round < 3000; round++)
    {
      guint n_paragraphs = bt_document_get_n_paragraphs (document);
      guint n_sentences = bt_document_get_n_sentences (document);
      guint p = g_rand_int_range (rand, 0, n_paragraphs);
      guint s = g_rand_int_range (rand, 0, n_sentences);
      guint at = g_rand_int_range (rand, 0, 40);
      g_autofree char *after = NULL;
      gboolean changed = FALSE;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          changed = bt_document_split_paragraph (document, p, at);
          break;
        case 1:
          changed = bt_document_merge_paragraphs (document, p);
          break;
        case 2:
          changed = bt_document_split_sentence (document, s, at);
          break;
        default:
          changed = bt_document_merge_sentences (document, s);
        }

      n_changed += changed;
      check_document (document);
      after = join_paragraphs (document);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpuint (n_changed, >, 1000);
}

typedef struct
{
  const char *name;
  const char *text;
  BtSpan      spans[4];
  guint       n_spans;
  const char *message;  /* NULL when the spans are right */
} SegmentedCase;

static const SegmentedCase segmented_cases[] = {
  { "good", "一二。三四。", { { 0, 3 }, { 3, 6 } }, 2, NULL },
  { "one-span", "abc", { { 0, 3 } }, 1, NULL },
  { "empty-paragraph", "", { { 0, 0 } }, 0, NULL },
  { "gap", "一二。三四。", { { 0, 2 }, { 3, 6 } }, 2, "sentence 2: the span [3, 6)" },
  { "overlap", "一二。三四。", { { 0, 4 }, { 3, 6 } }, 2, "sentence 2: the span [3, 6)" },
  { "late-start", "一二。三四。", { { 1, 6 } }, 1, "sentence 1: the span [1, 6)" },
  { "empty-span", "一二。三四。", { { 0, 3 }, { 3, 3 }, { 3, 6 } }, 3, "sentence 2" },
  { "reversed", "一二。三四。", { { 0, 3 }, { 6, 3 } }, 2, "sentence 2" },
  { "beyond-end", "一二。三四。", { { 0, 3 }, { 3, 9 } }, 2, "sentence 2: the span [3, 9)" },
  { "short", "一二。三四。", { { 0, 3 }, { 3, 5 } }, 2, "end at character 5, but the paragraph has 6" },
  { "none", "一二。", { { 0, 0 } }, 0, "has text but no sentences" },
  { "invalid-utf8", "\xE4\xB8", { { 0, 1 } }, 1, "not valid UTF-8" },
};

static void
test_append_segmented (gconstpointer data)
{
  const SegmentedCase *c = data;
  g_autoptr(BtDocument) document = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(GError) error = NULL;
  gboolean appended;

  bt_document_append_paragraph (document, "前一段。", 1);
  appended = bt_document_append_segmented (document, c->text, 2, c->spans, c->n_spans, &error);
  check_document (document);

  if (c->message == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (appended);
      g_assert_cmpuint (bt_document_get_n_paragraphs (document), ==, 2);
      g_assert_cmpuint (bt_document_get_n_sentences (document), ==, 1 + c->n_spans);
      g_assert_cmpuint (bt_document_get_paragraph (document, 1)->line, ==, 2);
      return;
    }

  g_assert_false (appended);
  g_assert_error (error, BT_ERROR, BT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Paragraph 2"));
  if (strstr (error->message, c->message) == NULL)
    g_error ("“%s” lacks “%s”", error->message, c->message);
  g_assert_cmpuint (bt_document_get_n_paragraphs (document), ==, 1);
}

static void
test_copy (void)
{
  g_autoptr(BtDocument) document = make_document (BT_LANGUAGE_ZH, zh_paragraphs);
  g_autoptr(BtDocument) copy = NULL;
  g_autofree char *before = describe_paragraphs (document);
  g_autofree char *copied = NULL;
  g_autofree char *after = NULL;

  bt_document_set_name (document, "zh.txt");
  copy = bt_document_copy (document);
  copied = describe_paragraphs (copy);
  g_assert_cmpstr (copied, ==, before);
  g_assert_cmpstr (bt_document_get_name (copy), ==, "zh.txt");
  g_assert_cmpuint (bt_document_get_n_sentences (copy), ==, bt_document_get_n_sentences (document));

  g_assert_true (bt_document_merge_paragraphs (copy, 0));
  bt_document_set_name (copy, "other");
  after = describe_paragraphs (document);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (bt_document_get_name (document), ==, "zh.txt");
  check_document (copy);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_name (void)
{
  g_autoptr(BtDocument) document = bt_document_new (BT_LANGUAGE_EN);
  g_autofree char *name = NULL;
  guint count = 0;

  g_assert_null (bt_document_get_name (document));
  g_signal_connect (document, "notify::name", G_CALLBACK (count_notify_cb), &count);

  bt_document_set_name (document, "en.txt");
  bt_document_set_name (document, "en.txt");
  g_assert_cmpuint (count, ==, 1);
  g_object_get (document, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "en.txt");

  g_object_set (document, "name", NULL, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (bt_document_get_name (document));
}

static BtDocument *
load_shared (const char *name,
             BtLanguage  language)
{
  const char *shared = g_getenv ("BITEXT_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;

  if (shared == NULL)
    return NULL;
  path = g_build_filename (shared, "corpus", "seed", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  file = g_file_new_for_path (path);
  text = bt_text_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return bt_document_new_from_text (text, language, BT_PARAGRAPH_MODE_AUTO);
}

static void
test_seed (void)
{
  g_autoptr(BtDocument) zh = load_shared ("zh.txt", BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) en = load_shared ("en.txt", BT_LANGUAGE_EN);

  if (zh == NULL || en == NULL)
    {
      g_test_skip ("the seed corpus (BITEXT_SHARED_DIR/corpus/seed) is not there");
      return;
    }

  check_document (zh);
  check_document (en);
  g_assert_cmpuint (bt_document_get_n_paragraphs (zh), ==, 22);
  g_assert_cmpuint (bt_document_get_n_paragraphs (en), ==, 27);
  g_assert_cmpuint (bt_document_get_paragraph (zh, 21)->line, ==, 22);
  g_assert_cmpuint (bt_document_get_n_sentences (zh), >, 22);
  g_assert_cmpstr (bt_document_get_name (zh), ==, "zh.txt");
}

/* Paragraphs read from a file share one block of text: splitting and
 * merging them mixes texts of their own in, which the document frees and
 * no other. */
static void
test_file_texts (void)
{
  g_autoptr(BtText) text = bt_text_new_from_string ("  第一段。第二句。\n\n\t\nSecond, one.\nlast 段落。 \n", "t.txt");
  g_autoptr(BtDocument) document = bt_document_new_from_text (text, BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_LINES);
  g_autoptr(BtDocument) copy = NULL;
  g_autofree char *before = describe_paragraphs (document);
  g_autofree char *copied = NULL;

  g_assert_cmpuint (bt_document_get_n_paragraphs (document), ==, 3);
  g_assert_cmpstr (bt_document_get_paragraph (document, 0)->text, ==, "第一段。第二句。");
  g_assert_cmpuint (bt_document_get_paragraph (document, 0)->line, ==, 1);
  g_assert_cmpstr (bt_document_get_paragraph (document, 2)->text, ==, "last 段落。");
  g_assert_cmpuint (bt_document_get_paragraph (document, 2)->line, ==, 5);
  check_document (document);

  copy = bt_document_copy (document);
  g_assert_true (bt_document_split_paragraph (document, 0, 4));
  g_assert_cmpstr (bt_document_get_paragraph (document, 1)->text, ==, "第二句。");
  g_assert_true (bt_document_merge_paragraphs (document, 2));
  g_assert_cmpstr (bt_document_get_paragraph (document, 2)->text, ==, "Second, one.last 段落。");
  g_assert_true (bt_document_merge_paragraphs (document, 0));
  g_assert_true (bt_document_split_paragraph (document, 1, 13));
  check_document (document);
  copied = describe_paragraphs (copy);
  g_assert_cmpstr (copied, ==, before);
  g_clear_object (&document);
  check_document (copy);
}

/* Peeking at sentences in order, out of order and across paragraphs
 * gives what copying them gives. */
static void
test_peek_sentences (void)
{
  static const char * const paragraphs[] = {
    "First one. Second one! Third?",
    "Dr. Wang said so. Then left.",
    "One “quoted” sentence only.",
    NULL,
  };
  g_autoptr(BtDocument) document = make_document (BT_LANGUAGE_EN, paragraphs);
  guint n = bt_document_get_n_sentences (document);
  BtDocumentCursor cursor = { NULL, NULL, 0 };

  g_assert_cmpuint (n, >, 3);
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n; k++)
      {
        guint i = pass == 0 ? k : (k * 7 + 3) % n;
        g_autofree char *copied = bt_document_dup_sentence_text (document, i);
        gsize length = 0;
        const char *peeked = bt_document_peek_sentence (document, i, &cursor, &length);

        g_assert_cmpmem (peeked, length, copied, strlen (copied));
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paragraph_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/document/paragraphs/%s", paragraph_cases[i].name);
      g_test_add_data_func (path, &paragraph_cases[i], test_paragraphs);
    }
  for (guint i = 0; i < G_N_ELEMENTS (segmented_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/document/append-segmented/%s", segmented_cases[i].name);
      g_test_add_data_func (path, &segmented_cases[i], test_append_segmented);
    }
  g_test_add_func ("/document/file-lines", test_file_lines);
  g_test_add_func ("/document/sentences", test_sentences);
  g_test_add_func ("/document/split-merge-paragraph-zh", test_split_merge_paragraph_zh);
  g_test_add_func ("/document/split-merge-paragraph-en", test_split_merge_paragraph_en);
  g_test_add_func ("/document/split-paragraph-refused", test_split_paragraph_refused);
  g_test_add_func ("/document/split-merge-sentence", test_split_merge_sentence);
  g_test_add_func ("/document/random-edits", test_random_edits);
  g_test_add_func ("/document/copy", test_copy);
  g_test_add_func ("/document/file-texts", test_file_texts);
  g_test_add_func ("/document/peek-sentences", test_peek_sentences);
  g_test_add_func ("/document/name", test_name);
  g_test_add_func ("/document/seed", test_seed);

  return g_test_run ();
}
