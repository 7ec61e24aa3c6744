/* test-segment-en.c: English sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-segmenter.h"

#define MAX_PIECES 8

typedef struct
{
  const char *name;
  const char *text;
  const char *expected[MAX_PIECES]; /* NULL-terminated */
} Case;

static const Case cases[] = {
  /* One sentence at a look, and texts that only look like one */
  { "single-period", "Yes.", { "Yes." } },
  { "single-marks-and-quote", "Why?!\"", { "Why?!\"" } },
  { "single-in-brackets", "(It rained.)", { "(It rained.)" } },
  { "single-no-end-mark", "A headline without an end", { "A headline without an end" } },
  { "single-ellipsis", "Wait...", { "Wait..." } },
  { "single-tab", "Name:\tvalue.", { "Name:\tvalue." } },
  { "two-short", "Stop. Go.", { "Stop. ", "Go." } },
  { "two-after-quote", "\"Yes.\" He left.", { "\"Yes.\" ", "He left." } },
  { "two-not-ascii", "Café closed. We left.", { "Café closed. ", "We left." } },
  { "two-sentences", "Hello world. This is a test.",
    { "Hello world. ", "This is a test." } },
  { "doctor", "Dr. Smith arrived. He sat down.",
    { "Dr. Smith arrived. ", "He sat down." } },
  { "mr-mrs", "Mr. and Mrs. Brown left early. They were tired.",
    { "Mr. and Mrs. Brown left early. ", "They were tired." } },
  { "us-adjective", "The U.S. economy grew. Exports rose.",
    { "The U.S. economy grew. ", "Exports rose." } },
  { "un", "He met U.N. officials in Geneva.", { "He met U.N. officials in Geneva." } },
  { "uk-first", "U.K. ministers met on Monday.", { "U.K. ministers met on Monday." } },
  { "gov-sen-rep", "Gov. Newsom and Sen. Padilla spoke. Rep. Lee agreed.",
    { "Gov. Newsom and Sen. Padilla spoke. ", "Rep. Lee agreed." } },
  { "general", "The talks were led by Gen. Smith. They lasted a day.",
    { "The talks were led by Gen. Smith. ", "They lasted a day." } },
  { "number-and-street", "He lives at No. 5 Main St. in the city.",
    { "He lives at No. 5 Main St. in the city." } },
  { "saint", "He flew to St. Louis. It was cold.",
    { "He flew to St. Louis. ", "It was cold." } },
  { "am-lowercase", "The meeting starts at 9 a.m. on Monday.",
    { "The meeting starts at 9 a.m. on Monday." } },
  { "am-capital", "The talks began at 10 a.m. Beijing time.",
    { "The talks began at 10 a.m. Beijing time." } },
  { "pm", "It ended at 5 p.m. and everyone went home. Then it rained.",
    { "It ended at 5 p.m. and everyone went home. ", "Then it rained." } },
  { "months", "On Jan. 5 the talks began. They ended on Feb. 2.",
    { "On Jan. 5 the talks began. ", "They ended on Feb. 2." } },
  { "sept-dateline", "KUNMING, Sept. 17 (Xinhua) -- Officials met on Tuesday. They agreed.",
    { "KUNMING, Sept. 17 (Xinhua) -- Officials met on Tuesday. ", "They agreed." } },
  { "dec-dateline-us", "BEIJING, Dec. 3 (Xinhua) -- The U.S. delegation arrived.",
    { "BEIJING, Dec. 3 (Xinhua) -- The U.S. delegation arrived." } },
  { "plain-dateline", "CHONGQING, April 23 (Xinhua) -- Xi stressed efforts. Xi made remarks.",
    { "CHONGQING, April 23 (Xinhua) -- Xi stressed efforts. ", "Xi made remarks." } },
  { "initials", "J. K. Rowling wrote it. She is British.",
    { "J. K. Rowling wrote it. ", "She is British." } },
  { "middle-initials", "The book by George R. R. Martin sold well.",
    { "The book by George R. R. Martin sold well." } },
  { "decimal", "Growth was 12.4 percent. Inflation fell.",
    { "Growth was 12.4 percent. ", "Inflation fell." } },
  { "question-quote-lowercase", "\"Is it true?\" she asked.",
    { "\"Is it true?\" she asked." } },
  { "question-quote-then-sentence", "\"Why not?\" he said. \"Let us go.\"",
    { "\"Why not?\" he said. ", "\"Let us go.\"" } },
  { "exclamation-quote-lowercase", "\"Stop!\" the officer shouted.",
    { "\"Stop!\" the officer shouted." } },
  { "curly-question-quote", "\u201cIs it over?\u201d he asked. \u201cYes.\u201d",
    { "\u201cIs it over?\u201d he asked. ", "\u201cYes.\u201d" } },
  { "question", "What happened? Nobody knows.",
    { "What happened? ", "Nobody knows." } },
  { "exclamation", "Great! Let us begin.", { "Great! ", "Let us begin." } },
  { "end-mark", "He said it was over. \u25a0", { "He said it was over. \u25a0" } },
  { "end-mark-two-sentences", "It rained. It stopped. \u25a0",
    { "It rained. ", "It stopped. \u25a0" } },
  { "end-mark-without-stop", "The end \u25a0", { "The end \u25a0" } },
  { "month-and-year", "Sales rose in Aug. 2023 compared with Jul. 2022.",
    { "Sales rose in Aug. 2023 compared with Jul. 2022." } },
  { "month-first", "Apr. 1 was a Monday. Mar. 31 was a Sunday.",
    { "Apr. 1 was a Monday. ", "Mar. 31 was a Sunday." } },
  { "number-sign", "Read Chapter No. 3 first. Then rest.",
    { "Read Chapter No. 3 first. ", "Then rest." } },
  { "eg", "Many cities, e.g. Beijing and Shanghai, grew.",
    { "Many cities, e.g. Beijing and Shanghai, grew." } },
  { "empty", "", { NULL } },
  { "no-punctuation", "No punctuation at all", { "No punctuation at all" } },
  { "spaces-go-before", "Trailing spaces.   Next one.",
    { "Trailing spaces.   ", "Next one." } },
  { "attendance", "Li Qiang, premier, and Ding Xuexiang, vice premier, attended the "
    "symposium. They are all members of the Standing Committee.",
    { "Li Qiang, premier, and Ding Xuexiang, vice premier, attended the symposium. ",
      "They are all members of the Standing Committee." } },
  { "figures", "China's GDP grew 5.2 percent in 2023. The figure beat forecasts.",
    { "China's GDP grew 5.2 percent in 2023. ", "The figure beat forecasts." } },
  { "parenthesised-sentence", "He left. (He was tired.) Then he slept.",
    { "He left. ", "(He was tired.) ", "Then he slept." } },
  { "titles", "Mrs. Li and Dr. Wang met Prof. Zhang.",
    { "Mrs. Li and Dr. Wang met Prof. Zhang." } },
  { "score", "The vote was 52-48. It passed.", { "The vote was 52-48. ", "It passed." } },
  { "version", "Version 2.0 is out. Download it now.",
    { "Version 2.0 is out. ", "Download it now." } },
  { "us-noun", "He works for the U.S. Department of State.",
    { "He works for the U.S. Department of State." } },
  { "accents", "Caf\u00e9 owners in Z\u00fcrich agreed. Prices rose.",
    { "Caf\u00e9 owners in Z\u00fcrich agreed. ", "Prices rose." } },
  { "astral-plane", "Nice \U0001F600 day. Next \U0001D400 one. Last.",
    { "Nice \U0001F600 day. ", "Next \U0001D400 one. ", "Last." } },
  { "ellipsis-lowercase", "Wait... what happened?", { "Wait... what happened?" } },
  { "quoted-question-and", "He asked, \u201cWhy?\u201d and left.",
    { "He asked, \u201cWhy?\u201d and left." } },
  { "three-sentences", "We will stay rooted. We will collect symbols. We will tell stories.",
    { "We will stay rooted. ", "We will collect symbols. ", "We will tell stories." } },
  { "headline", "Xi chairs symposium on boosting development of China's western region in new era",
    { "Xi chairs symposium on boosting development of China's western region in new era" } },
  { "leading-space", "  Indented. Not indented.", { "  Indented. ", "Not indented." } },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GArray) spans = bt_segment_sentences (c->text, BT_LANGUAGE_EN);
  guint n_expected = g_strv_length ((char **) c->expected);
  guint previous_end = 0;

  for (guint k = 0; k < spans->len; k++)
    {
      const BtSpan *span = &g_array_index (spans, BtSpan, k);
      const char *start = g_utf8_offset_to_pointer (c->text, span->start);
      const char *end = g_utf8_offset_to_pointer (c->text, span->end);
      g_autofree char *piece = g_strndup (start, (gsize) (end - start));

      g_assert_cmpuint (span->start, ==, previous_end);
      g_assert_cmpuint (span->end, >, span->start);
      if (k < n_expected)
        g_assert_cmpstr (piece, ==, c->expected[k]);
      previous_end = span->end;
    }

  g_assert_cmpuint (spans->len, ==, n_expected);
  g_assert_cmpuint (previous_end, ==, (guint) g_utf8_strlen (c->text, -1));
}

static const char *long_sentences[] = {
  "Dr. Li said the U.S. economy grew 2.5 percent in Sept. last year. ",
  "\"Is that enough?\" she asked. ",
  "Officials met at 9 a.m. on Monday. ",
  "Growth in the western region was strong. ",
};

static char *
make_long_text (guint  n_chars,
                guint *n_sentences)
{
  GString *text = g_string_new (NULL);
  guint k;

  for (k = 0; text->len < n_chars; k++)
    g_string_append (text, long_sentences[k % G_N_ELEMENTS (long_sentences)]);

  if (n_sentences != NULL)
    *n_sentences = k;
  return g_string_free (text, FALSE);
}

static void
test_long_paragraph (void)
{
  guint n_sentences = 0;
  g_autofree char *text = make_long_text (1000000, &n_sentences);
  g_autoptr(GArray) spans = NULL;
  gint64 start;
  double seconds;

  start = g_get_monotonic_time ();
  spans = bt_segment_sentences (text, BT_LANGUAGE_EN);
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_test_message ("%ld English characters in one paragraph segmented in %.3f s",
                  g_utf8_strlen (text, -1), seconds);

  g_assert_cmpuint (spans->len, ==, n_sentences);
  for (guint k = 0; k < spans->len; k++)
    {
      const BtSpan *span = &g_array_index (spans, BtSpan, k);
      const char *expected = long_sentences[k % G_N_ELEMENTS (long_sentences)];

      g_assert_cmpuint (span->end - span->start, ==, strlen (expected));
    }
  g_assert_cmpfloat (seconds, <, 5.0);
}

static void
test_many_paragraphs (void)
{
  g_autofree char *text = make_long_text (1000000, NULL);
  g_auto(GStrv) paragraphs = NULL;
  guint n_sentences = 0;
  gint64 start;
  double seconds;

  /* Paragraphs of about 170 characters, as in news. */
  for (char *p = text; (p = strstr (p, "strong. ")) != NULL; p += 8)
    p[7] = '\n';
  paragraphs = g_strsplit (text, "\n", -1);

  start = g_get_monotonic_time ();
  for (guint k = 0; paragraphs[k] != NULL; k++)
    {
      g_autoptr(GArray) spans = bt_segment_sentences (paragraphs[k], BT_LANGUAGE_EN);

      n_sentences += spans->len;
    }
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_test_message ("%u paragraphs, %u sentences segmented in %.3f s",
                  g_strv_length (paragraphs), n_sentences, seconds);

  g_assert_cmpuint (n_sentences, >=, 4 * (g_strv_length (paragraphs) - 1));
  g_assert_cmpfloat (seconds, <, 5.0);
}

static gpointer
segment_in_thread (gpointer data)
{
  for (guint k = 0; k < 200; k++)
    {
      g_autoptr(GArray) spans = bt_segment_sentences (data, BT_LANGUAGE_EN);

      if (spans->len != 2)
        return GUINT_TO_POINTER (FALSE);
    }

  return GUINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint k = 0; k < G_N_ELEMENTS (threads); k++)
    threads[k] = g_thread_new ("segment", segment_in_thread,
                               (gpointer) "Dr. Wang met Gen. Li. They talked.");

  for (guint k = 0; k < G_N_ELEMENTS (threads); k++)
    g_assert_true (GPOINTER_TO_UINT (g_thread_join (threads[k])));
}

static void
test_seed (void)
{
  const char *shared = g_getenv ("BITEXT_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sentences = 0;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("BITEXT_SHARED_DIR is not set or not a folder: no seed corpus");
      return;
    }

  path = g_build_filename (shared, "corpus", "seed", "en.txt", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    {
      g_autoptr(GArray) spans = bt_segment_sentences (lines[k], BT_LANGUAGE_EN);

      if (k == 0)
        g_assert_cmpuint (spans->len, ==, 3);
      else if (g_str_has_prefix (lines[k], "Li Qiang, premier"))
        g_assert_cmpuint (spans->len, ==, 2);
      else if (*lines[k] != '\0')
        g_assert_cmpuint (spans->len, ==, 1);
      n_sentences += spans->len;
    }

  g_assert_cmpuint (n_sentences, ==, 30);
}

/* Filling one array for paragraph after paragraph, short and long (past
 * the stack buffers), gives what a new array each gives. */
static void
test_into_reused (void)
{
  guint n_long = 0;
  g_autofree char *long_en = make_long_text (3000, &n_long);
  const char *texts[] = {
    "Dr. Wang left at 3 p.m. on Sept. 17. He came back.", "A.", "", long_en, "No break here",
    "Quoted: \"Yes.\" Then (brackets.) End", "短。English. 中文。",
  };
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));

  for (guint language = 0; language < 2; language++)
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        BtLanguage lang = language == 0 ? BT_LANGUAGE_EN : BT_LANGUAGE_ZH;
        g_autoptr(GArray) fresh = bt_segment_sentences (texts[i], lang);

        bt_segment_sentences_into (texts[i], lang, spans);
        g_assert_cmpmem (spans->data, spans->len * sizeof (BtSpan), fresh->data, fresh->len * sizeof (BtSpan));
        if (texts[i] == long_en && lang == BT_LANGUAGE_EN)
          g_assert_cmpuint (spans->len, ==, n_long);
        if (*texts[i] != '\0')
          g_assert_cmpuint (g_array_index (fresh, BtSpan, fresh->len - 1).end, ==, g_utf8_strlen (texts[i], -1));
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *path = g_strdup_printf ("/segment/en/sentences/%s", cases[k].name);

      g_test_add_data_func (path, &cases[k], test_case);
    }
  g_test_add_func ("/segment/en/long-paragraph", test_long_paragraph);
  g_test_add_func ("/segment/en/into-reused", test_into_reused);
  g_test_add_func ("/segment/en/many-paragraphs", test_many_paragraphs);
  g_test_add_func ("/segment/en/threads", test_threads);
  g_test_add_func ("/segment/en/seed", test_seed);

  return g_test_run ();
}
