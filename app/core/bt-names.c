/* bt-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uvernum.h>

#include "bt-chars.h"
#include "bt-names.h"

/* Every character's reading is looked up in a table built once per
 * process. ICU's transliterator takes a good part of a second to open
 * and to read all characters, so its readings are also kept on disk,
 * under $XDG_CACHE_HOME/bitext/, for the next process. */

#define FIRST_HAN    0x3400
#define LAST_HAN     0xFAFF
#define NO_SYLLABLE  0xFFFFu
#define MAX_SYLLABLES 4096
#define MAX_NGRAM    4

#define N_CHARS      (LAST_HAN - FIRST_HAN + 1)
#define READINGS_MAGIC "BTREAD\0\1"

/* syllable numbers (from 1) of the reading and the other reading in the
 * low and high 16 bits; NO_SYLLABLE when the character has none */
static guint32     reading_cache[N_CHARS];
static const char *syllables[MAX_SYLLABLES];
static guint       n_syllables;
static UTransliterator *transliterator;
static gboolean    transliterator_failed;

/* Place names English spells its own way, and readings a character takes
 * in a name; both scripts. */
static const char * const overrides[][2] = {
  { "重庆", "chongqing" }, { "重慶", "chongqing" },
  { "陕西", "shaanxi" }, { "陝西", "shaanxi" },
  { "香港", "hong kong" }, { "澳门", "macao" }, { "澳門", "macao" },
  { "西藏", "tibet" }, { "内蒙古", "inner mongolia" },
  { "內蒙古", "inner mongolia" }, { "长沙", "changsha" },
  { "長沙", "changsha" }, { "长春", "changchun" }, { "長春", "changchun" },
  { "长江", "yangtze" }, { "長江", "yangtze" }, { "厦门", "xiamen" },
  { "廈門", "xiamen" }, { "西安", "xi'an" }, { "台湾", "taiwan" },
  { "臺灣", "taiwan" }, { "台灣", "taiwan" }, { "广州", "guangzhou" },
  { "黄河", "yellow river" }, { "黃河", "yellow river" },
  { "蚌埠", "bengbu" }, { "六安", "lu'an" }, { "丽水", "lishui" },
  { "麗水", "lishui" }, { "乐山", "leshan" }, { "樂山", "leshan" },
};

/* The first character of each override, decoded once. */
static gunichar override_firsts[G_N_ELEMENTS (overrides)];

/* Other readings of polyphonic characters, tried as well. */
static const char * const alternatives[][2] = {
  { "重", "chong" }, { "长", "chang" }, { "長", "chang" }, { "厦", "xia" },
  { "廈", "xia" }, { "曾", "zeng" }, { "行", "hang" }, { "乐", "yue" },
  { "樂", "yue" }, { "单", "shan" }, { "單", "shan" }, { "解", "xie" },
  { "朝", "chao" }, { "都", "dou" }, { "藏", "cang" }, { "区", "ou" },
  { "區", "ou" }, { "查", "zha" }, { "朴", "piao" }, { "仇", "qiu" },
  { "覃", "qin" }, { "盖", "ge" }, { "蓋", "ge" }, { "传", "chuan" },
  { "傳", "chuan" }, { "调", "diao" }, { "調", "diao" }, { "尉", "yu" },
  { "華", "hua" }, { "沈", "shen" }, { "石", "shi" }, { "宁", "ning" },
  { "寧", "ning" }, { "泊", "po" }, { "蕃", "fan" },
};

/* Readings that ICU gives less often than names need them. */
static const char * const preferred[][2] = {
  { "都", "du" }, { "藏", "zang" },
};

static const char surnames[] =
  "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁"
  "谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏"
  "吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦"
  "邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔"
  "向汤湯习習温溫常康傅齐齊易乔喬柳";

static const char * const compound_surnames[] = {
  "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "司徒", "东方",
  "東方", "皇甫", "令狐", "慕容", "夏侯", "尉迟", "尉遲", "公孙", "公孫",
};

static gboolean
is_cached_han (gunichar c)
{
  return c >= FIRST_HAN && c <= LAST_HAN;
}

static gboolean
open_transliterator (void)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar id[64];

  if (transliterator != NULL || transliterator_failed)
    return transliterator != NULL;
  u_uastrcpy (id, "Han-Latin");
  transliterator = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL,
                                 &status);
  if (U_FAILURE (status))
    {
      g_warning ("ICU's Han-Latin transliterator is missing: %s",
                 u_errorName (status));
      transliterator = NULL;
      transliterator_failed = TRUE;
    }
  return transliterator != NULL;
}

/* "xí" → "xi", "lǜ" → "lu"; NULL unless only letters remain. Stripping
 * the marks here rather than with ICU's Latin-ASCII keeps the
 * transliterator quicker to open. */
static const char *
strip_tones (const char *pinyin)
{
  char out[16];
  gsize n = 0;

  for (const char *p = pinyin; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar decomposed[4];
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_fully_decompose (c, FALSE, decomposed, 4) > 0)
        c = decomposed[0];
      if (c < 'a' || c > 'z' || n == sizeof out - 1)
        return NULL;
      out[n++] = (char) c;
    }
  out[n] = '\0';
  return n > 0 ? g_intern_string (out) : NULL;
}

static const char *
transliterate (gunichar c)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar buf[32];
  char out[64];
  int32_t len = 0, limit;

  if (!open_transliterator ())
    return NULL;
  U16_APPEND_UNSAFE (buf, len, c);
  limit = len;
  utrans_transUChars (transliterator, buf, &len, G_N_ELEMENTS (buf), 0,
                      &limit, &status);
  if (U_FAILURE (status))
    return NULL;
  u_strToUTF8 (out, sizeof out, NULL, buf, len, &status);
  if (U_FAILURE (status))
    return NULL;
  return strip_tones (out);
}

static guint32
intern_syllable (const char *syllable)
{
  for (guint i = 0; i < n_syllables; i++)
    if (syllables[i] == syllable)
      return i + 1;
  if (n_syllables == MAX_SYLLABLES)
    return NO_SYLLABLE;
  syllables[n_syllables++] = syllable;
  return n_syllables;
}

gboolean
bt_names_is_han (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

static void
compute_readings (guint16 *readings)
{
  for (gunichar c = FIRST_HAN; c <= LAST_HAN; c++)
    {
      const char *reading = bt_names_is_han (c) ? transliterate (c) : NULL;

      readings[c - FIRST_HAN] = reading != NULL ? intern_syllable (reading) : 0;
    }
  if (transliterator != NULL)
    g_clear_pointer (&transliterator, utrans_close);
}

typedef struct
{
  char    magic[8];
  guint32 n_chars;
  guint32 n_syllables;
  guint32 strings_size;
  guint32 reserved;
  guint64 hash;
} ReadingsHeader;

static guint64
hash_body (const guint8 *data,
           gsize         len)
{
  guint64 h = 1469598103934665603ull;

  for (gsize i = 0; i < len; i++)
    h = (h ^ data[i]) * 1099511628211ull;
  return h;
}

static char *
readings_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "bitext",
                           "readings-icu" U_ICU_VERSION ".bin", NULL);
}

/* Syllables are NUL-terminated lower-case letters, n_syllables of them. */
static gboolean
load_syllables (const char *strings,
                gsize       size,
                guint       count)
{
  const char *p = strings, *end = strings + size;

  for (guint i = 0; i < count; i++)
    {
      const char *nul = memchr (p, '\0', end - p);

      if (nul == NULL || nul == p)
        return FALSE;
      for (const char *q = p; q < nul; q++)
        if (*q < 'a' || *q > 'z')
          return FALSE;
      syllables[i] = g_intern_string (p);
      p = nul + 1;
    }
  n_syllables = count;
  return p == end;
}

static gboolean
load_readings (const char *path,
               guint16    *readings)
{
  g_autofree char *data = NULL;
  ReadingsHeader h;
  gsize size, body;

  if (!g_file_get_contents (path, &data, &size, NULL) || size < sizeof h)
    return FALSE;
  memcpy (&h, data, sizeof h);
  body = (gsize) h.n_chars * sizeof (guint16) + h.strings_size;
  if (memcmp (h.magic, READINGS_MAGIC, 8) != 0 || h.n_chars != N_CHARS ||
      h.n_syllables >= MAX_SYLLABLES || h.strings_size > size ||
      size != sizeof h + body ||
      h.hash != hash_body ((const guint8 *) data + sizeof h, body))
    return FALSE;
  memcpy (readings, data + sizeof h, N_CHARS * sizeof (guint16));
  for (guint i = 0; i < N_CHARS; i++)
    if (readings[i] > h.n_syllables)
      return FALSE;
  return load_syllables (data + sizeof h + N_CHARS * sizeof (guint16),
                         h.strings_size, h.n_syllables);
}

static void
save_readings (const char    *path,
               const guint16 *readings)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *dir = g_path_get_dirname (path);
  ReadingsHeader h = { .n_chars = N_CHARS, .n_syllables = n_syllables };

  memcpy (h.magic, READINGS_MAGIC, 8);
  g_byte_array_append (out, (const guint8 *) &h, sizeof h);
  g_byte_array_append (out, (const guint8 *) readings, N_CHARS * sizeof (guint16));
  for (guint i = 0; i < n_syllables; i++)
    g_byte_array_append (out, (const guint8 *) syllables[i], strlen (syllables[i]) + 1);
  h.strings_size = out->len - sizeof h - N_CHARS * sizeof (guint16);
  h.hash = hash_body (out->data + sizeof h, out->len - sizeof h);
  memcpy (out->data, &h, sizeof h);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, (const char *) out->data, out->len, NULL))
    g_debug ("Could not cache the readings of Han characters in %s", path);
}

/* The readings names want where they differ from ICU's, and the other
 * readings of polyphonic characters. */
static void
apply_tables (void)
{
  for (guint o = 0; o < G_N_ELEMENTS (overrides); o++)
    override_firsts[o] = g_utf8_get_char (overrides[o][0]);
  for (guint i = 0; i < G_N_ELEMENTS (preferred); i++)
    {
      gunichar c = g_utf8_get_char (preferred[i][0]);
      guint32 *entry = &reading_cache[c - FIRST_HAN];

      *entry = (*entry & 0xFFFF0000u) |
               intern_syllable (g_intern_static_string (preferred[i][1]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (alternatives); i++)
    {
      gunichar c = g_utf8_get_char (alternatives[i][0]);
      guint32 *entry = &reading_cache[c - FIRST_HAN];

      guint32 other = intern_syllable (g_intern_static_string (alternatives[i][1]));

      if ((*entry & 0xFFFF) != NO_SYLLABLE && other != NO_SYLLABLE)
        *entry |= other << 16;
    }
}

static void
ensure_readings (void)
{
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      g_autofree guint16 *readings = g_new0 (guint16, N_CHARS);
      g_autofree char *path = readings_path ();

      if (!load_readings (path, readings))
        {
          n_syllables = 0;
          compute_readings (readings);
          save_readings (path, readings);
        }
      for (guint i = 0; i < N_CHARS; i++)
        reading_cache[i] = readings[i] != 0 ? readings[i] : NO_SYLLABLE;
      apply_tables ();
      g_once_init_leave (&ready, 1);
    }
}

static void
lookup_readings (gunichar     c,
                 const char **reading,
                 const char **other)
{
  guint32 entry, first, second;

  *reading = *other = NULL;
  if (!is_cached_han (c))
    return;
  ensure_readings ();
  entry = reading_cache[c - FIRST_HAN];
  first = entry & 0xFFFF;
  second = entry >> 16;
  if (first == NO_SYLLABLE)
    return;
  *reading = syllables[first - 1];
  if (second != 0)
    *other = syllables[second - 1];
}

const char *
bt_names_reading (gunichar c)
{
  const char *reading, *other;

  lookup_readings (c, &reading, &other);
  return reading;
}

static const char *
alternative_reading (gunichar c)
{
  const char *reading, *other;

  lookup_readings (c, &reading, &other);
  return other;
}

/* Keys hash the letters only, so "Xi Jinping", "xi jinping" and the
 * syllables xi-jin-ping all give one key. */
#define KEY_SEED 2166136261u

static guint32
key_extend (guint32     h,
            const char *s,
            gssize      len)
{
  for (gssize i = 0; len < 0 ? s[i] != '\0' : i < len; i++)
    {
      char c = s[i] | 0x20; /* ASCII lower case; other bytes fail below */

      if (c >= 'a' && c <= 'z')
        h = (h ^ (guchar) c) * 16777619u;
    }
  return h;
}

static void
push_key (GArray  *keys,
          guint32  key,
          guint    start,
          guint    end)
{
  BtNameKey k = { key, start, end };

  g_array_append_val (keys, k);
}

/* The n-grams starting at @i, every combination of readings. */
static void
ngram_keys (const gunichar *t,
            glong           len,
            glong           i,
            GArray         *keys)
{
  guint32 hashes[1 << MAX_NGRAM];
  guint n = 1;

  hashes[0] = KEY_SEED;
  for (glong j = i; j < len && j < i + MAX_NGRAM; j++)
    {
      const char *reading, *other;
      guint count = n;

      lookup_readings (t[j], &reading, &other);

      if (reading == NULL)
        break;
      for (guint h = 0; h < count; h++)
        {
          if (other != NULL)
            hashes[n++] = key_extend (hashes[h], other, -1);
          hashes[h] = key_extend (hashes[h], reading, -1);
        }
      for (guint h = 0; h < n && j > i; h++)
        push_key (keys, hashes[h], i, j + 1);
    }
}

/* Matches override @o at @i; returns its length in characters or 0. */
static glong
override_at (const gunichar *t,
             glong           len,
             glong           i,
             guint           o)
{
  glong j = i;

  for (const char *p = overrides[o][0]; *p != '\0'; p = g_utf8_next_char (p), j++)
    if (j >= len || t[j] != g_utf8_get_char (p))
      return 0;
  return j - i;
}

#define STACK_CHARS 256

void
bt_names_chinese_keys (const char *text,
                       GArray     *keys)
{
  BtChars chars;
  const gunichar *t;
  glong len;

  g_return_if_fail (text != NULL);
  g_return_if_fail (keys != NULL);

  ensure_readings ();
  bt_chars_init (&chars, text);
  t = chars.data;
  len = (glong) chars.len;
  for (glong i = 0; i < len; i++)
    {
      if (bt_names_reading (t[i]) == NULL)
        continue;
      ngram_keys (t, len, i, keys);
      for (guint o = 0; o < G_N_ELEMENTS (overrides); o++)
        {
          glong n = override_firsts[o] == t[i] ? override_at (t, len, i, o) : 0;

          if (n > 0)
            push_key (keys, key_extend (KEY_SEED, overrides[o][1], -1), i, i + n);
        }
    }
  bt_chars_clear (&chars);
}

typedef struct
{
  const char *start; /* UTF-8 */
  gsize       len;
  guint       cp_start;
  guint       cp_end;
} Word;

static gboolean
is_letter (char c)
{
  return g_ascii_isalpha (c);
}

/* Keys of every run of up to four words of @run. */
static void
run_keys (const Word *run,
          guint       n,
          GArray     *keys)
{
  for (guint a = 0; a < n; a++)
    {
      guint32 h = KEY_SEED;

      for (guint b = a; b < n && b < a + MAX_NGRAM; b++)
        {
          h = key_extend (h, run[b].start, run[b].len);
          push_key (keys, h, run[a].cp_start, run[b].cp_end);
        }
    }
}

/* "'s" closing a word is a possessive, not part of a name. */
static gboolean
is_possessive (const char *p)
{
  return *p == '\'' && (p[1] == 's' || p[1] == 'S') && !is_letter (p[2]);
}

/* A word of ASCII letters, with apostrophes inside ("Xi'an"). */
static const char *
read_word (const char *p,
           guint      *cp)
{
  while (is_letter (*p) ||
         (*p == '\'' && is_letter (p[1]) && p[-1] != '\'' && !is_possessive (p)))
    {
      p++;
      (*cp)++;
    }
  return p;
}

void
bt_names_english_keys (const char *text,
                       GArray     *keys)
{
  g_autoptr(GArray) run = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;
  guint cp = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (keys != NULL);

  while (*p != '\0')
    {
      if (g_ascii_isupper (*p) && (p == text || !is_letter (p[-1])))
        {
          Word w = { p, 0, cp, 0 };

          p = read_word (p, &cp);
          w.len = p - w.start;
          w.cp_end = cp;
          g_array_append_val (run, w);
          /* one space or hyphen may join the next capitalised word */
          if ((*p == ' ' || *p == '-') && g_ascii_isupper (p[1]))
            {
              p++;
              cp++;
              continue;
            }
        }
      else if (is_letter (*p))
        p = read_word (p, &cp);
      else
        {
          p = g_utf8_next_char (p);
          cp++;
        }
      run_keys ((const Word *) (void *) run->data, run->len, keys);
      g_array_set_size (run, 0);
    }
  run_keys ((const Word *) (void *) run->data, run->len, keys);
}

/* Name forms */

static gboolean
is_surname (gunichar c)
{
  for (const char *p = surnames; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

static guint
surname_length (const gunichar *t,
                glong           len)
{
  for (guint i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
    {
      const char *s = compound_surnames[i];

      if (len >= 3 && t[0] == g_utf8_get_char (s) &&
          t[1] == g_utf8_get_char (g_utf8_next_char (s)))
        return 2;
    }
  return len >= 2 && len <= 3 && is_surname (t[0]) ? 1 : 0;
}

/* Surnames read the way names are read: 曾 zeng, 单 shan, 区 ou. */
static const char *
surname_reading (gunichar c)
{
  static const char readers[] = "曾单單解区區仇朴查覃盖蓋尉乐樂";

  for (const char *p = readers; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return alternative_reading (c);
  return bt_names_reading (c);
}

char *
bt_names_name_form (const char *han)
{
  g_autofree gunichar *t = NULL;
  g_autoptr(GString) form = g_string_new (NULL);
  glong len;
  guint surname;

  g_return_val_if_fail (han != NULL, NULL);

  for (guint o = 0; o < G_N_ELEMENTS (overrides); o++)
    if (strcmp (han, overrides[o][0]) == 0)
      return g_strdup (overrides[o][1]);

  t = g_utf8_to_ucs4_fast (han, -1, &len);
  surname = surname_length (t, len);
  for (glong i = 0; i < len; i++)
    {
      const char *reading = (guint) i < surname ? surname_reading (t[i])
                                                : bt_names_reading (t[i]);

      if (reading == NULL)
        continue;
      if (surname > 0 && (guint) i == surname && form->len > 0)
        g_string_append_c (form, ' ');
      g_string_append (form, reading);
    }
  if (form->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&form), FALSE);
}

/* Sounds */

enum
{
  SOUND_NONE,
  SOUND_B,     /* b p */
  SOUND_D,     /* d t th */
  SOUND_K,     /* g k c q, pinyin j q */
  SOUND_F,     /* f v ph */
  SOUND_S,     /* s z x sh, pinyin zh ch c */
  SOUND_L,     /* l r */
  SOUND_N,     /* m n ng */
};

/* Ten classes at most; longer sounds saturate to SOUND_TOO_LONG. */
#define SOUND_FULL     (1u << 28)
#define SOUND_TOO_LONG G_MAXUINT32

static guint32
sound_push (guint32 sound,
            guint   cls)
{
  if (cls == SOUND_NONE || (sound > 1 && (sound & 7) == cls) || sound == SOUND_TOO_LONG)
    return sound;
  return sound >= SOUND_FULL ? SOUND_TOO_LONG : sound << 3 | cls;
}

static guint
sound_length (guint32 sound)
{
  return (g_bit_nth_msf (sound, -1)) / 3;
}

/* Per syllable: the class of its initial, and SOUND_N for a nasal end,
 * three bits each. */
static guint8 syllable_sounds[MAX_SYLLABLES];
static gsize sounds_ready;

static guint8
syllable_sound (const char *s)
{
  static const struct { const char *initial; guint8 cls; } initials[] = {
    { "zh", SOUND_S }, { "ch", SOUND_S }, { "sh", SOUND_S }, { "b", SOUND_B },
    { "p", SOUND_B }, { "m", SOUND_N }, { "f", SOUND_F }, { "d", SOUND_D },
    { "t", SOUND_D }, { "n", SOUND_N }, { "l", SOUND_L }, { "g", SOUND_K },
    { "k", SOUND_K }, { "j", SOUND_K }, { "q", SOUND_K }, { "x", SOUND_S },
    { "r", SOUND_L }, { "z", SOUND_S }, { "c", SOUND_S }, { "s", SOUND_S },
    { "w", SOUND_F },
  };
  gsize len = strlen (s);
  guint8 first = SOUND_NONE;

  /* 尔 "er" renders an English r or l; 乌 "wu" a vowel */
  if (strcmp (s, "er") == 0)
    return SOUND_L;
  if (strcmp (s, "wu") == 0)
    return SOUND_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (initials); i++)
    if (g_str_has_prefix (s, initials[i].initial))
      {
        first = initials[i].cls;
        break;
      }
  if (len > 1 && s[len - 1] == 'n')
    return first | SOUND_N << 3;
  if (len > 2 && s[len - 2] == 'n' && s[len - 1] == 'g')
    return first | SOUND_N << 3;
  return first;
}

/* Characters of grammar and counting, which transliterations leave
 * alone; one bit per character. */
static const char unsounded[] =
  "了的和在就把被给也都说们我你这些个不有要一二三四五六七八九十百千零年月";
static guint64 unsounded_bits[N_CHARS / 64 + 1];

static void
ensure_sounds (void)
{
  ensure_readings ();
  if (g_once_init_enter (&sounds_ready))
    {
      for (guint i = 0; i < n_syllables; i++)
        syllable_sounds[i] = syllable_sound (syllables[i]);
      for (const char *p = unsounded; *p != '\0'; p = g_utf8_next_char (p))
        {
          guint i = g_utf8_get_char (p) - FIRST_HAN;

          unsounded_bits[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
        }
      g_once_init_leave (&sounds_ready, 1);
    }
}

static inline gboolean
is_unsounded (gunichar c)
{
  guint i = c - FIRST_HAN;

  return unsounded_bits[i / 64] >> (i % 64) & 1;
}

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* The classes one English letter (or two) may stand for, at most two
 * ways; returns how many letters it took. */
static guint
english_letter (const char *w,
                gsize       i,
                gsize       len,
                guint8      cls[2][2],
                guint      *n_ways)
{
  char c = g_ascii_tolower (w[i]);
  char next = i + 1 < len ? g_ascii_tolower (w[i + 1]) : '\0';

  memset (cls, 0, 4);
  *n_ways = 1;
  switch (c)
    {
    case 'p':
      cls[0][0] = next == 'h' ? SOUND_F : SOUND_B;
      return next == 'h' ? 2 : 1;
    case 'b':
      cls[0][0] = SOUND_B;
      return 1;
    case 't':
    case 'd':
      cls[0][0] = SOUND_D;
      if (c == 't' && next == 'h')
        {
          /* 史密斯 for Smith */
          cls[1][0] = SOUND_S;
          *n_ways = 2;
          return 2;
        }
      return 1;
    case 'f':
    case 'v':
      cls[0][0] = SOUND_F;
      return 1;
    case 's':
    case 'z':
      cls[0][0] = SOUND_S;
      return c == 's' && next == 'h' ? 2 : 1;
    case 'c':
      if (next == 'h')
        {
          cls[0][0] = SOUND_K;
          cls[1][0] = SOUND_S;
          *n_ways = 2;
          return 2;
        }
      cls[0][0] = next == 'e' || next == 'i' || next == 'y' ? SOUND_S : SOUND_K;
      return next == 'k' ? 2 : 1;
    case 'k':
      cls[0][0] = SOUND_K;
      return 1;
    case 'q':
      cls[0][0] = SOUND_K;
      return next == 'u' ? 2 : 1;
    case 'g':
      cls[0][0] = SOUND_K;
      if (next == 'e' || next == 'i')
        {
          cls[1][0] = SOUND_S;
          *n_ways = 2;
        }
      return 1;
    case 'j':
      /* 约 (yue) for Jo-, 詹 (zhan) for Ja- */
      cls[0][0] = SOUND_S;
      cls[1][0] = SOUND_NONE;
      *n_ways = 2;
      return 1;
    case 'x':
      cls[0][0] = SOUND_K;
      cls[0][1] = SOUND_S;
      cls[1][0] = SOUND_S;
      *n_ways = 2;
      return 1;
    case 'w':
      /* 威 (wei) for W, 华 (hua) too */
      cls[0][0] = is_vowel (next) ? SOUND_F : SOUND_NONE;
      *n_ways = 2;
      return 1;
    case 'l':
      cls[0][0] = SOUND_L;
      /* an l before a consonant is often not rendered: Zilpah, 悉帕 */
      if (next != '\0' && !is_vowel (next) && next != 'l')
        *n_ways = 2;
      return 1;
    case 'r':
      /* an r no vowel follows is seldom rendered: Peter, 彼得 */
      cls[0][0] = is_vowel (next) ? SOUND_L : SOUND_NONE;
      return 1;
    case 'm':
      cls[0][0] = SOUND_N;
      return 1;
    case 'n':
      cls[0][0] = SOUND_N;
      return next == 'g' ? 2 : 1;
    default:
      return 1;
    }
}

/* The sounds of @word, @max of them at most, before the short ones are
 * left out; returns how many. */
static guint
english_ways (const char *word,
              gsize       len,
              guint32    *ways,
              guint       max)
{
  guint n = 1;

  ways[0] = 1;
  for (gsize i = 0; i < len;)
    {
      guint8 cls[2][2];
      guint n_ways;

      if (!g_ascii_isalpha (word[i]))
        return 0;
      i += english_letter (word, i, len, cls, &n_ways);
      /* a last stop after a vowel is often not rendered: Balak, 巴勒 */
      if (i == len && n_ways == 1 && i >= 2 && is_vowel (g_ascii_tolower (word[i - 2])) &&
          (cls[0][0] == SOUND_B || cls[0][0] == SOUND_D || cls[0][0] == SOUND_K))
        n_ways = 2;
      /* a second way doubles the sounds while there is room */
      if (n_ways == 2 && 2 * n <= max)
        for (guint w = 0; w < n; w++)
          ways[n + w] = sound_push (sound_push (ways[w], cls[1][0]), cls[1][1]);
      for (guint w = 0; w < n; w++)
        ways[w] = sound_push (sound_push (ways[w], cls[0][0]), cls[0][1]);
      if (n_ways == 2 && 2 * n <= max)
        n *= 2;
    }
  return n;
}

/* The people of a place are named from it: Canaanites, 迦南人. */
static gsize
demonym_stem (const char *word,
              gsize       len)
{
  static const char * const endings[] = { "itish", "ites", "ite", "ians", "ian" };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      gsize n = strlen (endings[i]);

      if (len > n + 2 && g_ascii_strncasecmp (word + len - n, endings[i], n) == 0)
        return len - n;
    }
  return len;
}

/* Chinese syllables end in a vowel or a nasal, so a name's last
 * consonants after a vowel are often not rendered: Abimelech, 亚比米勒;
 * Lazarus, 拉撒路. The length of @word without them, or @len. */
static gsize
final_consonants (const char *word,
                  gsize       len)
{
  gsize end = len;

  while (end > 0 && !is_vowel (g_ascii_tolower (word[end - 1])))
    end--;
  if (end == len || end < 2 || end + 2 < len)
    return len;
  /* a nasal is rendered by the syllable's end, and an l most often
   * too: Michael, 米迦勒; a last stop alone english_ways() handles */
  for (gsize i = end; i < len; i++)
    if (strchr ("nml", g_ascii_tolower (word[i])) != NULL)
      return len;
  if (end + 1 == len && strchr ("bcdgkpqt", g_ascii_tolower (word[end])) != NULL)
    return len;
  return end;
}

guint
bt_names_english_sounds (const char *word,
                         gsize       len,
                         guint32     sounds[BT_NAMES_MAX_SOUNDS])
{
  guint32 ways[BT_NAMES_MAX_SOUNDS];
  gsize stem;
  guint n, out = 0;

  g_return_val_if_fail (word != NULL, 0);

  n = english_ways (word, len, ways, BT_NAMES_MAX_SOUNDS / 2);
  stem = demonym_stem (word, len);
  if (stem == len)
    stem = final_consonants (word, len);
  if (stem < len)
    n += english_ways (word, stem, ways + n, BT_NAMES_MAX_SOUNDS / 2);
  for (guint w = 0; w < n; w++)
    {
      gboolean seen = FALSE;

      if (ways[w] == SOUND_TOO_LONG || sound_length (ways[w]) < BT_NAMES_MIN_SOUND)
        continue;
      for (guint o = 0; o < out; o++)
        seen |= sounds[o] == ways[w];
      if (!seen)
        sounds[out++] = ways[w];
    }
  return out;
}

#define MAX_SOUND_CHARS 5

void
bt_names_chinese_sound_keys (const char       *text,
                             const guint8     *blocked,
                             BtNamesSoundFunc  wanted,
                             gpointer          user_data,
                             GArray           *keys)
{
  guint8 run[STACK_CHARS];
  glong len = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (wanted != NULL);
  g_return_if_fail (keys != NULL);

  ensure_sounds ();
  /* A run's characters' sounds, 0xFF where there is no reading, the
   * character is blocked or unsounded; the window slides over the text in pieces. */
  for (const char *p = text; *p != '\0';)
    {
      glong base = len, n = 0, back;

      for (; *p != '\0' && n < STACK_CHARS; p = g_utf8_next_char (p), n++)
        {
          gunichar c = g_utf8_get_char (p);
          guint32 entry = is_cached_han (c) ? reading_cache[c - FIRST_HAN] & 0xFFFF : NO_SYLLABLE;

          run[n] = entry == NO_SYLLABLE || (blocked != NULL && blocked[base + n]) ||
                   is_unsounded (c) ? 0xFF : syllable_sounds[entry - 1];
        }
      /* runs starting in a piece's last characters start in the next */
      back = *p != '\0' ? MAX_SOUND_CHARS - 1 : 0;
      len += n;
      for (glong i = 0; i + 1 < n && i < n - back; i++)
        {
          guint32 sound = 1;

          if (run[i] == 0xFF)
            continue;
          for (glong j = i; j < n && j < i + MAX_SOUND_CHARS && run[j] != 0xFF; j++)
            {
              guint32 before = sound;

              sound = sound_push (sound_push (sound, run[j] & 7), run[j] >> 3);
              /* a run ends on a character that adds to its sound */
              if (j > i && sound != before && sound_length (sound) >= BT_NAMES_MIN_SOUND &&
                  wanted (sound, user_data))
                push_key (keys, sound, base + i, base + j + 1);
            }
        }
      if (back > 0)
        {
          p = g_utf8_offset_to_pointer (p, -back);
          len -= back;
        }
    }
}
