/* bench-load.c: loading and segmenting a million Chinese characters and
 * their English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bt-bench.h"
#include "bt-document.h"
#include "bt-text.h"

#define N_ZH_CHARS 1000000
#define N_RUNS     5

static const char * const zh_subjects[] = {
  "新华社记者", "国务院有关部门", "重庆市政府", "西部地区各省份", "与会代表",
  "中国人民银行", "国家统计局", "当地居民", "专家学者", "企业负责人",
};
static const char * const zh_middles[] = {
  "在座谈会上指出", "23日下午表示", "近日发布报告称", "在接受采访时强调",
  "今年以来持续推动", "按照中央部署", "经过五年努力",
};
static const char * const zh_objects[] = {
  "要进一步形成大保护、大开放、高质量发展的新格局",
  "全年经济增长5.2%，就业形势总体稳定",
  "地区生产总值突破2.5万亿元",
  "要坚持把发展特色优势产业作为主攻方向",
  "“我们一定能够完成今年的目标任务”",
  "基础设施投资同比增长3.8个百分点",
  "必须统筹发展和安全，筑牢国家生态安全屏障",
};
static const char * const zh_ends[] = { "。", "。", "。", "！", "？", "……" };

static const char * const en_subjects[] = {
  "Xinhua reporters", "The State Council", "The Chongqing government",
  "Provinces in the west", "Delegates", "The People's Bank of China",
  "The National Bureau of Statistics", "Local residents", "Dr. Wang", "Business leaders",
};
static const char * const en_middles[] = {
  "said at the symposium on Tuesday that", "told reporters at 3 p.m. that",
  "stated in a report released on Sept. 17 that", "stressed in an interview that",
  "have kept pushing since Jan. 1 so that", "agreed with U.S. and U.N. observers that",
};
static const char * const en_objects[] = {
  "a new pattern of high-quality development should take shape",
  "the economy grew 5.2 percent and employment stayed stable",
  "regional output exceeded 2.5 trillion yuan",
  "featured industries must remain the main focus",
  "\"we will certainly reach this year's goals\"",
  "infrastructure investment rose 3.8 percentage points",
};

static const char *
pick (GRand              *rand,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, n)];
}

#define PICK(rand, list) pick ((rand), (list), G_N_ELEMENTS (list))

/* One paragraph a line in each language, with the same number of
 * sentences; the English has CRLF line ends to normalise. */
static void
generate (GString *zh,
          GString *en)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  glong n_chars = 0;

  while (n_chars < N_ZH_CHARS)
    {
      guint n_sentences = g_rand_int_range (rand, 1, 7);
      gsize zh_start = zh->len;

      for (guint i = 0; i < n_sentences; i++)
        {
          g_string_append_printf (zh, "%s%s，%s%s", PICK (rand, zh_subjects), PICK (rand, zh_middles),
                                  PICK (rand, zh_objects), PICK (rand, zh_ends));
          g_string_append_printf (en, "%s%s %s %s.", i > 0 ? " " : "", PICK (rand, en_subjects),
                                  PICK (rand, en_middles), PICK (rand, en_objects));
        }
      n_chars += g_utf8_strlen (zh->str + zh_start, zh->len - zh_start);
      g_string_append_c (zh, '\n');
      g_string_append (en, "\r\n");
    }
}

typedef struct
{
  double wall;
  double cpu;
} Timing;

static Timing
load_and_segment (const char *data,
                  gsize       length,
                  BtLanguage  language,
                  guint      *n_sentences)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;
  g_autoptr(BtDocument) document = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = bt_bench_process_cpu ();

  text = bt_text_new_from_bytes (bytes, "bench.txt", NULL, &error);
  if (text == NULL)
    g_error ("%s", error->message);
  document = bt_document_new_from_text (text, language, BT_PARAGRAPH_MODE_AUTO);
  *n_sentences = bt_document_get_n_sentences (document);

  return (Timing) { (g_get_monotonic_time () - start) / 1e6, bt_bench_process_cpu () - cpu_start };
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) zh = g_string_new (NULL);
  g_autoptr(GString) en = g_string_new (NULL);
  g_autofree char *gb18030 = NULL;
  double walls[N_RUNS];
  double cpus[N_RUNS];
  gsize gb_length = 0;
  guint zh_sentences = 0, en_sentences = 0;

  generate (zh, en);
  gb18030 = g_convert (zh->str, zh->len, "GB18030", "UTF-8", NULL, &gb_length, NULL);
  g_assert_nonnull (gb18030);

  printf ("# %d Chinese characters (%" G_GSIZE_FORMAT " bytes), %ld English characters\n",
          N_ZH_CHARS, zh->len, g_utf8_strlen (en->str, en->len));
  for (guint run = 0; run < N_RUNS; run++)
    {
      Timing zh_time = load_and_segment (zh->str, zh->len, BT_LANGUAGE_ZH, &zh_sentences);
      Timing en_time = load_and_segment (en->str, en->len, BT_LANGUAGE_EN, &en_sentences);
      Timing gb_time = load_and_segment (gb18030, gb_length, BT_LANGUAGE_ZH, &zh_sentences);

      walls[run] = zh_time.wall + en_time.wall;
      cpus[run] = zh_time.cpu + en_time.cpu;
      printf ("run %u: zh %.3f s, en %.3f s, both %.3f s, CPU %.3f s (zh from GB18030 %.3f s)\n",
              run + 1, zh_time.wall, en_time.wall, walls[run], cpus[run], gb_time.wall);
    }

  printf ("load-segment median of %d: %.3f s, CPU %.3f s (%u Chinese sentences, %u English sentences)\n",
          N_RUNS, bt_bench_median (walls, N_RUNS), bt_bench_median (cpus, N_RUNS), zh_sentences, en_sentences);
  return 0;
}
