/* bt-numbers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bt-chars.h"
#include "bt-numbers.h"

typedef struct
{
  const gunichar *t;
  gsize           len;
  GArray         *out;
} Scan;

static void
push (Scan         *scan,
      BtNumberKind  kind,
      double        value,
      gsize         start,
      gsize         end)
{
  BtNumber n = { kind, value, start, end };

  g_array_append_val (scan->out, n);
}

static gunichar
at (const Scan *scan,
    gsize       i)
{
  return i < scan->len ? scan->t[i] : 0;
}

static int
arabic_digit (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19) /* full-width digits */
    return c - 0xFF10;
  return -1;
}

/* Digits with "," grouping thousands and one "." (or "．") before
 * decimals. Returns where the number ends, @i when there is none. */
static gsize
parse_arabic (const Scan *scan,
              gsize       i,
              double     *value)
{
  char digits[64];
  gsize j = i, n = 0;

  if (arabic_digit (at (scan, i)) < 0)
    return i;
  while (arabic_digit (at (scan, j)) >= 0)
    {
      if (n < sizeof digits - 2)
        digits[n++] = '0' + arabic_digit (at (scan, j));
      j++;
      if ((at (scan, j) == ',' || at (scan, j) == 0xFF0C) &&
          arabic_digit (at (scan, j + 1)) >= 0 &&
          arabic_digit (at (scan, j + 2)) >= 0 &&
          arabic_digit (at (scan, j + 3)) >= 0 &&
          arabic_digit (at (scan, j + 4)) < 0)
        j++;
    }
  if ((at (scan, j) == '.' || at (scan, j) == 0xFF0E) &&
      arabic_digit (at (scan, j + 1)) >= 0)
    {
      digits[n++] = '.';
      for (j++; arabic_digit (at (scan, j)) >= 0; j++)
        if (n < sizeof digits - 1)
          digits[n++] = '0' + arabic_digit (at (scan, j));
    }
  digits[n] = '\0';
  *value = g_ascii_strtod (digits, NULL);
  return j;
}

/* Chinese numerals */

static int
zh_digit (gunichar c)
{
  static const gunichar digits[] = {
    0x96F6 /* 零 */, 0x4E00 /* 一 */, 0x4E8C /* 二 */, 0x4E09 /* 三 */,
    0x56DB /* 四 */, 0x4E94 /* 五 */, 0x516D /* 六 */, 0x4E03 /* 七 */,
    0x516B /* 八 */, 0x4E5D /* 九 */,
  };

  if (c == 0x3007 /* 〇 */)
    return 0;
  if (c == 0x4E24 /* 两 */ || c == 0x5169 /* 兩 */)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (digits[i] == c)
      return i;
  return -1;
}

static double
zh_unit (gunichar c)
{
  switch (c)
    {
    case 0x5341: return 10;   /* 十 */
    case 0x767E: return 100;  /* 百 */
    case 0x5343: return 1000; /* 千 */
    case 0x4E07: case 0x842C: return 1e4; /* 万 萬 */
    case 0x4EBF: case 0x5104: return 1e8; /* 亿 億 */
    default: return 0;
    }
}

#define ZH_POINT 0x70B9 /* 点 */
#define ZH_POINT_TRAD 0x9EDE /* 點 */

static gboolean
is_zh_numeral (gunichar c)
{
  return zh_digit (c) >= 0 || zh_unit (c) > 0;
}

/* 二〇二四: digits read one by one. */
static double
zh_positional (const gunichar *t,
               gsize           n)
{
  double v = 0;

  for (gsize i = 0; i < n; i++)
    v = v * 10 + zh_digit (t[i]);
  return v;
}

/* 三千五百万, 十二, 一百零八: units multiply what precedes them. */
static double
zh_grouped (const gunichar *t,
            gsize           n)
{
  double total = 0, section = 0, digit = 0;

  for (gsize i = 0; i < n; i++)
    {
      double unit = zh_unit (t[i]);

      if (unit == 0)
        digit = zh_digit (t[i]);
      else if (unit < 1e4)
        {
          section += (digit == 0 && unit == 10 ? 1 : digit) * unit;
          digit = 0;
        }
      else
        {
          total = (total + section + digit) * unit;
          section = digit = 0;
        }
    }
  return total + section + digit;
}

static gboolean
has_units (const gunichar *t,
           gsize           n)
{
  for (gsize i = 0; i < n; i++)
    if (zh_unit (t[i]) > 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_digit_or_ten (const gunichar *t,
                  gsize           n)
{
  for (gsize i = 0; i < n; i++)
    if (zh_digit (t[i]) >= 0 || t[i] == 0x5341)
      return TRUE;
  return FALSE;
}

static double
zh_run_value (const gunichar *t,
              gsize           n)
{
  if (!has_units (t, n) && n >= 2)
    return zh_positional (t, n);
  return zh_grouped (t, n);
}

/* A run of Chinese numerals, with 点 before decimals. Returns where it
 * ends, @i when there is no number there (lone units such as 万 are
 * words, not numbers). */
static gsize
parse_zh_numeral (const Scan *scan,
                  gsize       i,
                  double     *value)
{
  gsize j = i, point;

  while (is_zh_numeral (at (scan, j)))
    j++;
  if (j == i || !has_digit_or_ten (scan->t + i, j - i))
    return i;
  *value = zh_run_value (scan->t + i, j - i);
  point = j;
  if ((at (scan, j) == ZH_POINT || at (scan, j) == ZH_POINT_TRAD) &&
      zh_digit (at (scan, j + 1)) >= 0)
    {
      double scale = 0.1;

      for (j = point + 1; zh_digit (at (scan, j)) >= 0; j++, scale /= 10)
        *value += zh_digit (at (scan, j)) * scale;
    }
  return j;
}

/* 1.2万, 386亿, 3万亿, 5千 */
static gsize
apply_zh_multipliers (const Scan *scan,
                      gsize       j,
                      double     *value)
{
  while (zh_unit (at (scan, j)) >= 100)
    *value *= zh_unit (at (scan, j++));
  return j;
}

static gboolean
matches_at (const Scan *scan,
            gsize       i,
            const char *utf8)
{
  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p), i++)
    if (at (scan, i) != g_utf8_get_char (p))
      return FALSE;
  return TRUE;
}

/* Any number at @i, Arabic or Chinese; *@is_word when spelled in
 * Chinese numerals without a digit. */
static gsize
parse_zh_number (const Scan *scan,
                 gsize       i,
                 double     *value,
                 gboolean   *is_word)
{
  gsize j = parse_arabic (scan, i, value);

  *is_word = j == i;
  if (*is_word)
    j = parse_zh_numeral (scan, i, value);
  if (j == i)
    return i;
  /* 1500多亿, 三十余万: "more than" before the multiplier */
  if ((at (scan, j) == 0x591A /* 多 */ || at (scan, j) == 0x4F59 /* 余 */ ||
       at (scan, j) == 0x9918 /* 餘 */) && zh_unit (at (scan, j + 1)) >= 1e4)
    j++;
  return apply_zh_multipliers (scan, j, value);
}

static gboolean
is_day (double v)
{
  return v >= 1 && v <= 31 && v == floor (v);
}

/* 4月23日, 4月23号, 四月. Dates in Chinese numerals (二月十七日) are
 * also literary ("the seventeenth day of the second month"), so their
 * month and day count as plain numbers as well. */
static gsize
zh_date (Scan     *scan,
         gsize     start,
         gsize     j,
         double    month,
         gboolean  in_words)
{
  double day;
  gboolean day_in_words;
  gsize k = parse_zh_number (scan, j + 1, &day, &day_in_words);

  if (k > j + 1 && is_day (day) &&
      (at (scan, k) == 0x65E5 /* 日 */ || at (scan, k) == 0x53F7 /* 号 */ ||
       at (scan, k) == 0x865F /* 號 */))
    {
      push (scan, BT_NUMBER_DATE, month * 100 + day, start, k + 1);
      if (in_words && day_in_words)
        {
          push (scan, BT_NUMBER_PLAIN, month, start, j);
          push (scan, BT_NUMBER_PLAIN, day, j + 1, k);
        }
      return k + 1;
    }
  push (scan, BT_NUMBER_MONTH, month, start, j + 1);
  if (in_words && month != 1)
    push (scan, BT_NUMBER_PLAIN, month, start, j);
  return j + 1;
}

/* Chinese words that read as numbers but are none (十分 "very"). */
static gboolean
is_false_number (const Scan *scan,
                 gsize       i)
{
  return matches_at (scan, i, "十分") || matches_at (scan, i, "万一") ||
         matches_at (scan, i, "一一");
}

/* 两成 is 20%; 成 after a number also starts words (成为, 成员). */
static gboolean
is_tenths (const Scan *scan,
           gsize       j,
           double      value)
{
  static const char not_after[] = "为為员員立功本交就果长長熟";
  gunichar next = at (scan, j + 1);

  if (at (scan, j) != 0x6210 /* 成 */ || value <= 0 || value > 10)
    return FALSE;
  for (const char *p = not_after; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == next)
      return FALSE;
  return TRUE;
}

static gsize
zh_number_at (Scan  *scan,
              gsize  i)
{
  gboolean percent;
  gsize from;
  gboolean is_word;
  double value;
  gsize j;

  /* Every number, and 百分之, starts with a digit or a numeral. */
  if (arabic_digit (at (scan, i)) < 0 && !is_zh_numeral (at (scan, i)))
    return i + 1;
  percent = matches_at (scan, i, "百分之");
  from = percent ? i + 3 : i;
  if (!percent && is_false_number (scan, i))
    return i + 2;
  j = parse_zh_number (scan, from, &value, &is_word);
  if (j == from)
    return i + 1;

  if (!percent && at (scan, j) == 0x6708 /* 月 */ && is_day (value) &&
      value <= 12)
    return zh_date (scan, i, j, value, is_word);
  if (at (scan, j) == '%' || at (scan, j) == 0xFF05)
    percent = TRUE, j++;
  else if (matches_at (scan, j, "个百分点") || matches_at (scan, j, "個百分點"))
    percent = TRUE, j += 4;
  else if (matches_at (scan, j, "百分点") || matches_at (scan, j, "百分點"))
    percent = TRUE, j += 3;

  if (!percent && is_tenths (scan, j, value))
    {
      value *= 10;
      percent = TRUE;
      j++;
    }

  if (percent)
    push (scan, BT_NUMBER_PERCENT, value, i, j);
  else if (!(is_word && value == 1))
    push (scan, BT_NUMBER_PLAIN, value, i, j);
  return j;
}

static void
extract_zh (Scan *scan)
{
  for (gsize i = 0; i < scan->len;)
    i = zh_number_at (scan, i);
}

/* English: words and numbers as tokens */

typedef enum { TOKEN_WORD, TOKEN_NUMBER, TOKEN_SYMBOL } TokenType;

typedef struct
{
  TokenType type;
  gsize     start, end;
  double    value;     /* TOKEN_NUMBER */
  char      word[16];  /* TOKEN_WORD: lower case, cut at 15 bytes */
  gboolean  capital;   /* TOKEN_WORD starts with a capital letter */
  double    small;     /* TOKEN_WORD: its value as a number word, or -1 */
  double    scale;     /* TOKEN_WORD: "million" 1e6…, or -1 */
  double    month;     /* TOKEN_WORD: 1 to 12 for a month, or -1 */
} Token;

static void classify_word (Token *tok);

static gboolean
is_ascii_letter (gunichar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static gsize
read_word (const Scan *scan,
           gsize       i,
           Token      *tok)
{
  gsize j = i, n = 0;

  tok->type = TOKEN_WORD;
  tok->capital = g_ascii_isupper (at (scan, i));
  while (is_ascii_letter (at (scan, j)))
    {
      if (n < sizeof tok->word - 1)
        tok->word[n++] = g_ascii_tolower (at (scan, j));
      j++;
    }
  tok->word[n] = '\0';
  classify_word (tok);
  return j;
}

/* "23rd", "4th": the suffix belongs to the number. */
static gsize
skip_ordinal_suffix (const Scan *scan,
                     gsize       j)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th" };

  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    if (g_ascii_tolower (at (scan, j)) == (guchar) suffixes[k][0] &&
        g_ascii_tolower (at (scan, j + 1)) == (guchar) suffixes[k][1] &&
        !is_ascii_letter (at (scan, j + 2)))
      return j + 2;
  return j;
}

/* A sentence's tokens: most fit in the room its caller gives on the
 * stack, and a long sentence moves them to the heap. */
typedef struct
{
  Token *data;
  gsize  len;
  gsize  size;
  Token *stack;
} Tokens;

static void
tokens_append (Tokens      *tokens,
               const Token *tok)
{
  if (tokens->len == tokens->size)
    {
      gsize size = MAX (2 * tokens->size, 16);

      if (tokens->data == tokens->stack)
        {
          tokens->data = g_new (Token, size);
          memcpy (tokens->data, tokens->stack, tokens->len * sizeof (Token));
        }
      else
        tokens->data = g_renew (Token, tokens->data, size);
      tokens->size = size;
    }
  tokens->data[tokens->len++] = *tok;
}

static void
tokens_clear (Tokens *tokens)
{
  if (tokens->data != tokens->stack)
    g_free (tokens->data);
}

static void
tokenize_en (const Scan *scan,
             Tokens     *tokens)
{
  for (gsize i = 0; i < scan->len;)
    {
      Token tok = { .start = i };
      gsize j;

      if (g_unichar_isspace (at (scan, i)))
        {
          i++;
          continue;
        }
      if ((j = parse_arabic (scan, i, &tok.value)) > i)
        {
          tok.type = TOKEN_NUMBER;
          j = skip_ordinal_suffix (scan, j);
        }
      else if (is_ascii_letter (at (scan, i)))
        j = read_word (scan, i, &tok);
      else
        {
          tok.type = TOKEN_SYMBOL;
          tok.value = at (scan, i);
          j = i + 1;
        }
      tok.end = j;
      tokens_append (tokens, &tok);
      i = j;
    }
}

typedef struct
{
  const char *word;
  double      value;
} NamedValue;

static const NamedValue small_numbers[] = {
  { "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 },
  { "five", 5 }, { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 },
  { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 },
  { "fourteen", 14 }, { "fifteen", 15 }, { "sixteen", 16 },
  { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
  { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 },
  { "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
  { "first", 1 }, { "third", 3 }, { "fourth", 4 }, { "fifth", 5 },
  { "sixth", 6 }, { "seventh", 7 }, { "eighth", 8 }, { "ninth", 9 },
  { "tenth", 10 }, { "eleventh", 11 }, { "twelfth", 12 },
  { "second", 2 }, { "thirteenth", 13 }, { "fourteenth", 14 },
  { "fifteenth", 15 }, { "sixteenth", 16 }, { "seventeenth", 17 },
  { "eighteenth", 18 }, { "nineteenth", 19 }, { "twentieth", 20 },
  { "thirtieth", 30 }, { "fortieth", 40 }, { "fiftieth", 50 },
  { "sixtieth", 60 }, { "seventieth", 70 }, { "eightieth", 80 },
  { "ninetieth", 90 }, { "hundredth", 100 },
  /* the King James Bible counts in scores */
  { "score", 20 }, { "twoscore", 40 }, { "threescore", 60 },
  { "fourscore", 80 }, { "twain", 2 },
};

static const NamedValue scales[] = {
  { "hundred", 100 }, { "thousand", 1e3 }, { "million", 1e6 },
  { "billion", 1e9 }, { "trillion", 1e12 }, { "bn", 1e9 }, { "mn", 1e6 },
};

static const NamedValue months[] = {
  { "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 },
  { "march", 3 }, { "mar", 3 }, { "april", 4 }, { "apr", 4 }, { "may", 5 },
  { "june", 6 }, { "jun", 6 }, { "july", 7 }, { "jul", 7 },
  { "august", 8 }, { "aug", 8 }, { "september", 9 }, { "sept", 9 },
  { "sep", 9 }, { "october", 10 }, { "oct", 10 }, { "november", 11 },
  { "nov", 11 }, { "december", 12 }, { "dec", 12 },
};

typedef struct
{
  double small;
  double scale;
  double month;
} WordValues;

static void
add_values (GHashTable       *index,
            WordValues       *values,
            guint            *n_values,
            const NamedValue *table,
            guint             n,
            gsize             field)
{
  for (guint i = 0; i < n; i++)
    {
      WordValues *v = g_hash_table_lookup (index, table[i].word);

      if (v == NULL)
        {
          v = &values[(*n_values)++];
          *v = (WordValues) { -1, -1, -1 };
          g_hash_table_insert (index, (gpointer) table[i].word, v);
        }
      G_STRUCT_MEMBER (double, v, field) = table[i].value;
    }
}

/* Every word of the tables with its values, built once: words are looked
 * up by the million in long texts. */
static GHashTable *
word_index (void)
{
  static WordValues values[G_N_ELEMENTS (small_numbers) + G_N_ELEMENTS (scales) + G_N_ELEMENTS (months)];
  static gsize index;

  if (g_once_init_enter (&index))
    {
      GHashTable *built = g_hash_table_new (g_str_hash, g_str_equal);
      guint n = 0;

      add_values (built, values, &n, small_numbers, G_N_ELEMENTS (small_numbers), G_STRUCT_OFFSET (WordValues, small));
      add_values (built, values, &n, scales, G_N_ELEMENTS (scales), G_STRUCT_OFFSET (WordValues, scale));
      add_values (built, values, &n, months, G_N_ELEMENTS (months), G_STRUCT_OFFSET (WordValues, month));
      g_once_init_leave (&index, (gsize) built);
    }
  return (GHashTable *) index;
}

static const WordValues *
lookup_values (const char *word)
{
  return g_hash_table_lookup (word_index (), word);
}

/* "sevenfold" is seven (七倍) */
static double
fold_value (const Token *tok)
{
  gsize len = strlen (tok->word);
  char prefix[sizeof tok->word];
  const WordValues *v;

  if (len <= 4 || !g_str_has_suffix (tok->word, "fold"))
    return -1;
  memcpy (prefix, tok->word, len - 4);
  prefix[len - 4] = '\0';
  v = lookup_values (prefix);
  return v != NULL ? v->small : -1;
}

static void
classify_word (Token *tok)
{
  const WordValues *v = lookup_values (tok->word);

  tok->small = v != NULL ? v->small : -1;
  tok->scale = v != NULL ? v->scale : -1;
  tok->month = v != NULL ? v->month : -1;
  if (tok->small < 0)
    tok->small = fold_value (tok);
}

static double
small_of (const Token *tok)
{
  return tok != NULL && tok->type == TOKEN_WORD ? tok->small : -1;
}

static double
scale_of (const Token *tok)
{
  return tok != NULL && tok->type == TOKEN_WORD ? tok->scale : -1;
}

#define SMALL(tok) small_of (tok)
#define SCALE(tok) scale_of (tok)

/* For indexes known to be in range */
#define TOKEN(k) (&tokens->data[(k)])

static const Token *
token (Tokens *tokens,
       gsize   k)
{
  return k < tokens->len ? &tokens->data[k] : NULL;
}

static double
month_of (const Token *tok)
{
  if (tok == NULL || tok->type != TOKEN_WORD || !tok->capital)
    return -1;
  return tok->month;
}

static gboolean
is_word (const Token *tok,
         const char  *word)
{
  return tok != NULL && tok->type == TOKEN_WORD && strcmp (tok->word, word) == 0;
}

static gboolean
is_symbol (const Token *tok,
           gunichar     c)
{
  return tok != NULL && tok->type == TOKEN_SYMBOL && tok->value == c;
}

typedef struct
{
  double   total;
  double   current;
  double   last;   /* the word added last since a scale, or 0 */
  gboolean any;
  gboolean closed; /* after an ordinal */
} Spelled;

static gboolean
is_ordinal (const Token *tok)
{
  return g_str_has_suffix (tok->word, "st") || g_str_has_suffix (tok->word, "nd") ||
         g_str_has_suffix (tok->word, "rd") || g_str_has_suffix (tok->word, "th");
}

/* "five five" is two numbers; "twenty five", "threescore and ten" and
 * "five and thirty" are one. */
static gboolean
joins (double  last,
       double  v,
       Tokens *tokens,
       gsize   k)
{
  if (last >= 20 && fmod (last, 10) == 0 && last > v)
    return TRUE;
  return last < 10 && v >= 20 && fmod (v, 10) == 0 && k > 0 &&
         is_word (token (tokens, k - 1), "and");
}

/* One word of a spelled-out number; FALSE when the number ends before
 * it. "two hundred and fifty", "twenty-five", "a million". */
static gboolean
spelled_step (Spelled     *sp,
              Tokens      *tokens,
              gsize        k)
{
  const Token *tok = token (tokens, k);
  double v = SMALL (tok), scale = SCALE (tok);

  if (sp->closed)
    return FALSE;
  if (is_word (tok, "hundredth") && sp->any)
    {
      sp->current = (sp->current > 0 ? sp->current : 1) * 100;
      sp->closed = TRUE;
    }
  else if (v >= 0)
    {
      if (sp->last > 0 && !joins (sp->last, v, tokens, k))
        return FALSE;
      sp->current += v;
      sp->last = v;
      sp->closed = is_ordinal (tok);
    }
  else if (scale == 100)
    {
      sp->current = (sp->current > 0 ? sp->current : 1) * 100;
      sp->last = 0;
    }
  else if (scale > 100 && sp->any)
    {
      sp->total += (sp->current > 0 ? sp->current : 1) * scale;
      sp->current = sp->last = 0;
    }
  else if ((is_word (tok, "a") || is_word (tok, "an")) && !sp->any &&
           SCALE (token (tokens, k + 1)) > 0)
    sp->current = 1;
  else if ((is_word (tok, "and") || is_symbol (tok, '-')) && sp->any &&
           SMALL (token (tokens, k + 1)) >= 0)
    return TRUE;
  else
    return FALSE;
  sp->any = TRUE;
  return TRUE;
}

/* A number at token @k in digits or words, with its scale words
 * ("38.6 billion"). Returns the next token, @k when there is none. */
static gsize
en_value (Tokens   *tokens,
          gsize     k,
          double   *value,
          gboolean *spelled)
{
  const Token *tok = TOKEN (k);
  Spelled sp = { 0 };
  gsize j = k;
  double scale;

  *spelled = tok->type == TOKEN_WORD;
  if (tok->type == TOKEN_NUMBER)
    {
      *value = tok->value;
      for (j = k + 1; (scale = SCALE (token (tokens, j))) > 0; j++)
        *value *= scale;
      return j;
    }
  while (spelled_step (&sp, tokens, j))
    j++;
  /* "and" or "-" never ends a number */
  while (j > k && (is_word (TOKEN (j - 1), "and") ||
                   is_symbol (TOKEN (j - 1), '-')))
    j--;
  *value = sp.total + sp.current;
  return sp.any ? j : k;
}

/* "%", "percent", "per cent", "percentage points" after a number */
static gsize
en_percent (Tokens *tokens,
            gsize   j)
{
  if (is_symbol (token (tokens, j), '%') || is_word (token (tokens, j), "percent") ||
      is_word (token (tokens, j), "pct"))
    return j + 1;
  if (is_word (token (tokens, j), "per") && is_word (token (tokens, j + 1), "cent"))
    return j + 2;
  if (is_word (token (tokens, j), "percentage") &&
      (is_word (token (tokens, j + 1), "points") ||
       is_word (token (tokens, j + 1), "point")))
    return j + 2;
  return j;
}

static gsize
en_month_at (Scan   *scan,
             Tokens *tokens,
             gsize   k,
             double  month)
{
  gsize j = is_symbol (token (tokens, k + 1), '.') ? k + 2 : k + 1;
  const Token *day = token (tokens, j);

  if (day != NULL && day->type == TOKEN_NUMBER && is_day (day->value))
    {
      push (scan, BT_NUMBER_DATE, month * 100 + day->value,
            TOKEN (k)->start, day->end);
      return j + 1;
    }
  /* "May" alone is mostly the verb */
  if (month != 5)
    push (scan, BT_NUMBER_MONTH, month, TOKEN (k)->start,
          TOKEN (k)->end);
  return k + 1;
}

static gsize
en_number_at (Scan   *scan,
              Tokens *tokens,
              gsize   k)
{
  double value, month = month_of (token (tokens, k));
  gboolean spelled;
  gsize j, p;

  if (month > 0)
    return en_month_at (scan, tokens, k, month);
  j = en_value (tokens, k, &value, &spelled);
  if (j == k)
    return k + 1;

  p = en_percent (tokens, j);
  if (p > j)
    push (scan, BT_NUMBER_PERCENT, value, TOKEN (k)->start,
          TOKEN (p - 1)->end);
  else if (!spelled && is_day (value) && month_of (token (tokens, j)) > 0)
    {
      push (scan, BT_NUMBER_DATE, month_of (token (tokens, j)) * 100 + value,
            TOKEN (k)->start, TOKEN (j)->end);
      p = j + 1;
    }
  else if (!(spelled && value == 1))
    push (scan, BT_NUMBER_PLAIN, value, TOKEN (k)->start,
          TOKEN (j - 1)->end);
  return MAX (p, j);
}

static void
extract_en (Scan *scan)
{
  Token stack[32];
  Tokens tokens = { stack, 0, G_N_ELEMENTS (stack), stack };

  tokenize_en (scan, &tokens);
  for (gsize k = 0; k < tokens.len;)
    k = en_number_at (scan, &tokens, k);
  tokens_clear (&tokens);
}

void
bt_numbers_extract (const char *text,
                    BtLanguage  language,
                    GArray     *numbers)
{
  BtChars chars;
  Scan scan;

  g_return_if_fail (text != NULL);
  g_return_if_fail (numbers != NULL);

  bt_chars_init (&chars, text);
  scan = (Scan) { chars.data, chars.len, numbers };
  if (language == BT_LANGUAGE_ZH)
    extract_zh (&scan);
  else
    extract_en (&scan);
  bt_chars_clear (&chars);
}

gboolean
bt_number_equal (const BtNumber *a,
                 const BtNumber *b)
{
  double scale;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  scale = MAX (fabs (a->value), fabs (b->value));
  return a->kind == b->kind && fabs (a->value - b->value) <= scale * 1e-6;
}

guint32
bt_number_key (const BtNumber *number)
{
  double v, exponent = 0, mantissa = 0;
  guint64 h;

  g_return_val_if_fail (number != NULL, 0);

  v = fabs (number->value);
  if (v > 0)
    {
      exponent = floor (log10 (v));
      mantissa = round (v / pow (10, exponent - 5));
      if (mantissa >= 1e6)
        mantissa /= 10, exponent += 1;
    }
  h = ((guint64) number->kind << 56) ^ ((guint64) (exponent + 512) << 40) ^
      (guint64) mantissa ^ (number->value < 0 ? 1ull << 63 : 0);
  h *= 0x9E3779B97F4A7C15ull;
  return (guint32) (h >> 32);
}
