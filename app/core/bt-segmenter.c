/* bt-segmenter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "bt-chars.h"
#include "bt-progress.h"
#include "bt-segmenter.h"

/* Where a long text reports how far segmenting it has come, and checks
 * for cancellation: every CHECK_STRIDE code points or UTF-16 units. */
#define CHECK_STRIDE (64 * 1024)

typedef struct
{
  const BtProgress  *progress;
  GCancellable      *cancellable;
  GError           **error;
} Check;

static gboolean
check_at (const Check *check,
          double       fraction)
{
  return check == NULL || bt_progress_advance (check->progress, fraction, check->cancellable, check->error);
}

/* Chinese */

static gboolean
is_zh_terminal (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF61: /* ｡ */
    case 0x2026: /* … */
    case 0x22EF: /* ⋯ */
    case '!':
    case '?':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_zh_clause_mark (gunichar c)
{
  switch (c)
    {
    case 0xFF1B: /* ； */
    case 0xFF0C: /* ， */
    case 0x3001: /* 、 */
    case 0xFF1A: /* ： */
    case 0xFE50: /* ﹐ */
    case 0xFE51: /* ﹑ */
    case 0xFE54: /* ﹔ */
    case 0xFE55: /* ﹕ */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_closing (gunichar c)
{
  switch (c)
    {
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0xFF09: /* ） */
    case 0x300B: /* 》 */
    case 0x3011: /* 】 */
    case 0x3015: /* 〕 */
    case 0x3017: /* 〗 */
    case 0x3019: /* 〙 */
    case 0x301B: /* 〛 */
    case 0x3009: /* 〉 */
    case 0xFF3D: /* ］ */
    case 0xFF5D: /* ｝ */
    case 0x00BB: /* » */
    case 0x203A: /* › */
    case 0xFE42: /* ﹂ */
    case 0xFE44: /* ﹄ */
    case ')':
    case ']':
    case '}':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 ||
         c == 0x00A0 || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

static gboolean
is_wide (gunichar c)
{
  return c >= 0x2E80 && !is_blank (c);
}

/* A lone period, ASCII or full-width, ends a Chinese sentence when it
 * touches Chinese text and is not followed by ASCII text, so that 3.5,
 * v1.2, ３．５ and www.example.cn stay whole; three or more periods are an
 * ellipsis. */
static guint
zh_periods (const gunichar *chars,
            guint           n,
            guint           i)
{
  gunichar period = chars[i];
  guint end = i;
  gunichar before, after;

  while (end < n && chars[end] == period)
    end++;

  if (end - i >= 3)
    return end;
  if (end - i != 1)
    return 0;

  before = i > 0 ? chars[i - 1] : 0;
  after = end < n ? chars[end] : 0;
  if (g_unichar_isdigit (before) && g_unichar_isdigit (after))
    return 0;
  /* U.S., D.C. */
  if (is_ascii_alnum (before) && i >= 2 && chars[i - 2] == '.')
    return 0;
  if (is_wide (after) || (is_wide (before) && !is_ascii_alnum (after)))
    return end;

  return 0;
}

/* ASCII commas, colons and semicolons break clauses unless they sit
 * between digits (1,000 and 09:13). */
static gboolean
is_zh_ascii_clause_mark (const gunichar *chars,
                         guint           n,
                         guint           i)
{
  gunichar c = chars[i];

  if (c != ',' && c != ':' && c != ';')
    return FALSE;

  return !(i > 0 && i + 1 < n && is_ascii_digit (chars[i - 1]) &&
           is_ascii_digit (chars[i + 1]));
}

/* Returns the index just after the break marks starting at @i, or 0 when
 * no break starts there. */
static guint
zh_break_marks_end (const gunichar *chars,
                    guint           n,
                    guint           i,
                    gboolean        clauses)
{
  guint end = i;

  for (;;)
    {
      guint periods;

      if (end >= n)
        break;
      if (is_zh_terminal (chars[end]) ||
          (clauses && (is_zh_clause_mark (chars[end]) ||
                       is_zh_ascii_clause_mark (chars, n, end))))
        end++;
      else if ((chars[end] == '.' || chars[end] == 0xFF0E) &&
               (periods = zh_periods (chars, n, end)) > 0)
        end = periods;
      else
        break;
    }

  return end > i ? end : 0;
}

/* ASCII quotes are closing when an odd number of them came before. */
static guint
zh_skip_closers (const gunichar *chars,
                 guint           n,
                 guint           i,
                 guint          *n_ascii_quotes)
{
  while (i < n)
    {
      if (is_closing (chars[i]))
        i++;
      else if (chars[i] == '"' && *n_ascii_quotes % 2 == 1)
        {
          (*n_ascii_quotes)++;
          i++;
        }
      else
        break;
    }

  while (i < n && is_blank (chars[i]))
    i++;

  return i;
}

static gboolean
has_alnum (const gunichar *chars,
           guint           start,
           guint           end)
{
  for (guint i = start; i < end; i++)
    if (g_unichar_isalnum (chars[i]))
      return TRUE;

  return FALSE;
}

static void
append_span (GArray *spans,
             guint   start,
             guint   end)
{
  BtSpan span = { start, end };

  g_array_append_val (spans, span);
}

/* A piece with neither letters nor digits (an end mark such as ■) joins
 * the sentence before it. */
static void
zh_append_piece (GArray         *spans,
                 const gunichar *chars,
                 guint           start,
                 guint           end)
{
  if (spans->len > 0 && !has_alnum (chars, start, end))
    g_array_index (spans, BtSpan, spans->len - 1).end = end;
  else
    append_span (spans, start, end);
}

/* Fills @spans, emptied first. Short texts are decoded on the stack: most
 * paragraphs are short, and an allocation each would cost more than
 * segmenting them. */
static gboolean
segment_zh (const char  *text,
            gboolean     clauses,
            GArray      *spans,
            const Check *check)
{
  BtChars decoded;
  const gunichar *chars;
  guint n;
  guint start = 0;
  guint n_ascii_quotes = 0;
  guint i = 0;
  guint next_check = CHECK_STRIDE;

  g_array_set_size (spans, 0);
  bt_chars_init (&decoded, text);
  chars = decoded.data;
  n = (guint) decoded.len;

  while (i < n)
    {
      guint marks_end;

      if (i >= next_check)
        {
          if (!check_at (check, (double) i / n))
            {
              bt_chars_clear (&decoded);
              return FALSE;
            }
          next_check = i + CHECK_STRIDE;
        }
      marks_end = zh_break_marks_end (chars, n, i, clauses);

      if (marks_end == 0)
        {
          if (chars[i] == '"')
            n_ascii_quotes++;
          i++;
          continue;
        }

      i = zh_skip_closers (chars, n, marks_end, &n_ascii_quotes);
      zh_append_piece (spans, chars, start, i);
      start = i;
    }

  if (start < n)
    zh_append_piece (spans, chars, start, n);
  bt_chars_clear (&decoded);
  return TRUE;
}

/* English */

static void
close_break_iterator (gpointer data)
{
  ubrk_close (data);
}

static GPrivate en_iterator = G_PRIVATE_INIT (close_break_iterator);

/* Opening the iterator with its suppression list is costly, so each
 * thread keeps one. */
static UBreakIterator *
get_en_iterator (void)
{
  UBreakIterator *iter = g_private_get (&en_iterator);
  UErrorCode status = U_ZERO_ERROR;

  if (iter != NULL)
    return iter;

  iter = ubrk_open (UBRK_SENTENCE, "en@ss=standard", NULL, 0, &status);
  if (U_FAILURE (status))
    {
      g_warning ("Cannot open the ICU sentence break iterator: %s",
                 u_errorName (status));
      return NULL;
    }

  g_private_set (&en_iterator, iter);
  return iter;
}

/* @text in UTF-16, in @buffer when it fits there, else allocated into
 * @allocated; NULL when ICU cannot convert it. */
static const UChar *
utf8_to_utf16 (const char  *text,
               UChar       *buffer,
               int32_t      size,
               UChar      **allocated,
               int32_t     *length)
{
  UErrorCode status = U_ZERO_ERROR;

  u_strFromUTF8WithSub (buffer, size, length, text, -1, 0xFFFD, NULL, &status);
  if (U_SUCCESS (status) && *length < size)
    return buffer;
  if (status != U_BUFFER_OVERFLOW_ERROR && status != U_STRING_NOT_TERMINATED_WARNING && U_FAILURE (status))
    return NULL;

  *allocated = g_new (UChar, *length + 1);
  status = U_ZERO_ERROR;
  u_strFromUTF8WithSub (*allocated, *length + 1, NULL, text, -1, 0xFFFD, NULL, &status);
  if (U_FAILURE (status))
    g_clear_pointer (allocated, g_free);

  return *allocated;
}

typedef struct
{
  const UChar *text;
  int32_t      length;
} EnText;

static UChar32
en_char_at (const EnText *t,
            int32_t       i)
{
  UChar32 c;

  if (i < 0 || i >= t->length)
    return 0;
  U16_GET (t->text, 0, i, t->length, c);
  return c;
}

static gboolean
en_is_opening (UChar32 c)
{
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C ||
         c == 0x2018 || u_charType (c) == U_START_PUNCTUATION ||
         u_charType (c) == U_INITIAL_PUNCTUATION;
}

/* Titles and abbreviations after which a period never ends a sentence. */
static const char * const en_abbreviations[] = {
  "U.S.", "U.K.", "U.N.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Gov.",
  "Sen.", "Rep.", "Gen.", "Lt.", "Col.", "Capt.", "Sgt.", "Adm.", "Rev.",
  "No.", "Nos.", "St.", "Mt.", "Ft.", "Vol.", "Fig.", "vs.", "a.m.", "p.m.",
  "e.g.", "i.e.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
  "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
};

/* The word before a period, as ASCII: "Sept." from "(Sept.". */
static gboolean
en_word_before (const EnText *t,
                int32_t       period,
                char         *word,
                gsize         size)
{
  int32_t start = period;
  gsize len;

  while (start > 0 && t->text[start - 1] < 0x80 &&
         (g_ascii_isalnum ((char) t->text[start - 1]) || t->text[start - 1] == '.'))
    start--;

  len = (gsize) (period + 1 - start);
  if (len < 2 || len >= size)
    return FALSE;

  for (gsize k = 0; k < len; k++)
    word[k] = (char) t->text[start + (int32_t) k];
  word[len] = '\0';
  return TRUE;
}

/* "J." and "J.K." are initials; so are "U.S." and "a.m.". */
static gboolean
is_initials (const char *word)
{
  gsize len = strlen (word);
  gboolean upper = g_ascii_isupper (word[0]);

  if (len % 2 != 0)
    return FALSE;

  for (gsize k = 0; k < len; k += 2)
    {
      if (!g_ascii_isalpha (word[k]) || word[k + 1] != '.')
        return FALSE;
      if (g_ascii_isupper (word[k]) != upper)
        return FALSE;
    }

  return upper || len >= 4;
}

static gboolean
is_abbreviation (const char *word)
{
  for (gsize k = 0; k < G_N_ELEMENTS (en_abbreviations); k++)
    if (g_str_equal (word, en_abbreviations[k]))
      return TRUE;

  return is_initials (word);
}

static gboolean
en_has_alnum (const EnText *t,
              int32_t       start,
              int32_t       end)
{
  for (int32_t i = start; i < end; i++)
    if (u_isalnum (en_char_at (t, i)))
      return TRUE;

  return FALSE;
}

static UChar32
en_first_letter_after (const EnText *t,
                       int32_t       i)
{
  while (i < t->length && en_is_opening (en_char_at (t, i)))
    i++;

  return en_char_at (t, i);
}

/* Whether the break that ICU found at @boundary, after a sentence that
 * starts at @start, must go. */
static gboolean
en_is_false_break (const EnText *t,
                   int32_t       start,
                   int32_t       boundary,
                   int32_t       next)
{
  int32_t last = boundary - 1;
  UChar32 after = en_first_letter_after (t, boundary);
  char word[16];

  while (last > start && u_isWhitespace (en_char_at (t, last)))
    last--;

  if (!en_has_alnum (t, boundary, next))
    return TRUE;
  if (u_islower (after))
    return TRUE;
  if (t->text[last] != '.')
    return FALSE;
  if (last == boundary - 1 && last > 0 &&
      u_isdigit (en_char_at (t, last - 1)) && u_isdigit (after))
    return TRUE;
  if (!en_word_before (t, last, word, sizeof word))
    return FALSE;
  if (is_abbreviation (word))
    return TRUE;

  /* "Sept. 17", "No. 5": a word and a period before a number */
  return g_ascii_isalpha (word[0]) && u_isdigit (after);
}

/* The breaks ICU finds, then the end of the text unless ICU gave it
 * last: read one ahead of the other, with no list to allocate. */
typedef struct
{
  UBreakIterator *iter;
  int32_t         length;
  int32_t         last;
  gboolean        started;
  gboolean        done;
} EnBounds;

static void
en_bounds_init (EnBounds       *bounds,
                UBreakIterator *iter,
                const EnText   *t)
{
  UErrorCode status = U_ZERO_ERROR;

  ubrk_setText (iter, t->text, t->length, &status);
  *bounds = (EnBounds) { U_FAILURE (status) ? NULL : iter, t->length, -1, FALSE, FALSE };
}

/* The next boundary, or -1 after the last. */
static int32_t
en_bounds_next (EnBounds *bounds)
{
  int32_t b = UBRK_DONE;

  if (bounds->done)
    return -1;
  if (bounds->iter != NULL)
    b = bounds->started ? ubrk_next (bounds->iter) : ubrk_following (bounds->iter, 0);
  bounds->started = TRUE;
  if (b != UBRK_DONE)
    return bounds->last = b;
  bounds->done = TRUE;
  if (bounds->last == bounds->length)
    return -1;
  return bounds->last = bounds->length;
}

/* Keeps the true breaks and turns UTF-16 offsets into code points. */
static gboolean
en_spans (const EnText *t,
          EnBounds     *bounds,
          GArray       *spans,
          const Check  *check)
{
  int32_t start = 0;
  int32_t unit = 0;
  guint code_point = 0;
  guint span_start = 0;
  int32_t boundary = en_bounds_next (bounds);
  int32_t next_check = CHECK_STRIDE;

  while (boundary >= 0)
    {
      int32_t following, next;

      if (boundary >= next_check)
        {
          if (!check_at (check, (double) boundary / t->length))
            return FALSE;
          next_check = boundary + CHECK_STRIDE;
        }
      following = en_bounds_next (bounds);
      next = following >= 0 ? following : boundary;

      if (boundary < t->length && en_is_false_break (t, start, boundary, next))
        {
          boundary = following;
          continue;
        }

      for (; unit < boundary; code_point++)
        U16_FWD_1 (t->text, unit, t->length);

      append_span (spans, span_start, code_point);
      span_start = code_point;
      start = boundary;
      boundary = following;
    }
  return TRUE;
}

static gboolean
en_is_closing_mark (char c)
{
  return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']';
}

/* Whether @text is plainly one sentence: ASCII with no line break and no
 * mark of a sentence's end before the closing run ("Yes.", "Why?!\"").
 * Most short paragraphs are; ICU could find no break in them but would
 * still cost far more than this look. Returns the length, or 0. */
static gsize
en_single_sentence (const char *text)
{
  gsize closing = 0;
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    {
      char c = text[i];

      if ((guchar) c >= 0x80 || (g_ascii_iscntrl (c) && c != '\t'))
        return 0;
      if (c == '.' || c == '!' || c == '?')
        closing = closing > 0 ? closing : i + 1;
      else if (closing > 0 && !en_is_closing_mark (c))
        return 0;
    }
  return i;
}

#define STACK_UNITS 512

static gboolean
segment_en (const char  *text,
            GArray      *spans,
            const Check *check)
{
  UBreakIterator *iter;
  UChar buffer[STACK_UNITS];
  g_autofree UChar *allocated = NULL;
  EnBounds bounds;
  EnText t;
  gsize single;

  g_array_set_size (spans, 0);
  if (*text == '\0')
    return TRUE;
  single = en_single_sentence (text);
  if (single > 0)
    {
      append_span (spans, 0, (guint) single);
      return TRUE;
    }

  t.text = utf8_to_utf16 (text, buffer, STACK_UNITS, &allocated, &t.length);
  iter = get_en_iterator ();
  if (t.text == NULL || iter == NULL)
    {
      append_span (spans, 0, (guint) g_utf8_strlen (text, -1));
      return TRUE;
    }

  en_bounds_init (&bounds, iter, &t);
  return en_spans (&t, &bounds, spans, check);
}

void
bt_segment_sentences_into (const char *text,
                           BtLanguage  language,
                           GArray     *spans)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (spans != NULL);

  if (language == BT_LANGUAGE_ZH)
    segment_zh (text, FALSE, spans, NULL);
  else
    segment_en (text, spans, NULL);
}

gboolean
bt_segment_sentences_full (const char        *text,
                           BtLanguage         language,
                           GArray            *spans,
                           const BtProgress  *progress,
                           GCancellable      *cancellable,
                           GError           **error)
{
  Check check = { progress, cancellable, error };
  gboolean done;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (spans != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (language == BT_LANGUAGE_ZH)
    done = segment_zh (text, FALSE, spans, &check);
  else
    done = segment_en (text, spans, &check);
  if (!done)
    g_array_set_size (spans, 0);
  return done;
}

GArray *
bt_segment_sentences (const char *text,
                      BtLanguage  language)
{
  GArray *spans;

  g_return_val_if_fail (text != NULL, NULL);

  spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
  bt_segment_sentences_into (text, language, spans);
  return spans;
}

GArray *
bt_segment_clauses (const char *text)
{
  GArray *spans;

  g_return_val_if_fail (text != NULL, NULL);

  spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
  segment_zh (text, TRUE, spans, NULL);
  return spans;
}
/* Language */

double
bt_han_share (const char *text,
              gssize      length)
{
  const char *end;
  guint64 n_han = 0;
  guint64 n_letters = 0;

  g_return_val_if_fail (text != NULL || length == 0, 0.0);

  end = length < 0 ? text + strlen (text) : text + length;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN && g_unichar_isalpha (c))
        n_han++;
      if (g_unichar_isalpha (c))
        n_letters++;
    }

  return n_letters > 0 ? (double) n_han / (double) n_letters : 0.0;
}

BtLanguage
bt_language_guess (const char *text,
                   gssize      length)
{
  g_return_val_if_fail (text != NULL || length == 0, BT_LANGUAGE_EN);

  return bt_han_share (text, length) >= 0.5 ? BT_LANGUAGE_ZH : BT_LANGUAGE_EN;
}
