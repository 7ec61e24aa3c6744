/* bt-scorer.c: precision, recall and F1 of links, omissions and groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bt-scorer.h"

void
bt_score_finish (BtScore *score)
{
  g_return_if_fail (score != NULL);

  score->precision = score->n_predicted > 0 ? (double) score->n_correct / score->n_predicted
                                            : (score->n_gold == 0 ? 1 : 0);
  score->recall = score->n_gold > 0 ? (double) score->n_found / score->n_gold
                                    : (score->n_predicted == 0 ? 1 : 0);
  score->f1 = score->precision + score->recall > 0
                ? 2 * score->precision * score->recall / (score->precision + score->recall)
                : 0;
}

static int
uint64_cmp (gconstpointer a,
            gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

/* The links that count, as sorted paragraph << 32 | sentence keys. */
static GArray *
link_keys (BtReview *review)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (guint i = 0; i < bt_review_get_n_links (review); i++)
    {
      const BtLink *l = bt_review_get_link (review, i);
      guint64 key = (guint64) l->paragraph << 32 | l->sentence;

      if (l->state != BT_STATE_REJECTED)
        g_array_append_val (keys, key);
    }
  g_array_sort (keys, uint64_cmp);
  return keys;
}

static void
score_links (BtReview *gold,
             BtReview *predicted,
             BtScore  *score)
{
  g_autoptr (GArray) g = link_keys (gold);
  g_autoptr (GArray) p = link_keys (predicted);
  guint i = 0, j = 0, common = 0;

  while (i < g->len && j < p->len)
    {
      guint64 a = g_array_index (g, guint64, i), b = g_array_index (p, guint64, j);

      if (a == b)
        common++;
      i += a <= b;
      j += b <= a;
    }
  *score = (BtScore) { p->len, g->len, common, common };
  bt_score_finish (score);
}

/* One byte per source character: 1 where an omission that counts lies. */
static GByteArray *
omitted_mask (BtReview *review,
              guint    *offsets)
{
  BtDocument *source = bt_review_get_source (review);
  GByteArray *mask = g_byte_array_new ();

  offsets[0] = 0;
  for (guint p = 0; p < bt_document_get_n_paragraphs (source); p++)
    offsets[p + 1] = offsets[p] + bt_document_get_paragraph (source, p)->n_chars;
  g_byte_array_set_size (mask, offsets[bt_document_get_n_paragraphs (source)]);
  memset (mask->data, 0, mask->len);
  for (guint i = 0; i < bt_review_get_n_omissions (review); i++)
    {
      const BtOmission *o = bt_review_get_omission (review, i);

      if (o->state == BT_STATE_REJECTED)
        continue;
      for (guint c = o->start; c < o->end && offsets[o->paragraph] + c < offsets[o->paragraph + 1]; c++)
        mask->data[offsets[o->paragraph] + c] = 1;
    }
  return mask;
}

static gboolean
all_set (const guint8 *mask,
         guint         start,
         guint         end)
{
  for (guint i = start; i < end; i++)
    if (!mask[i])
      return FALSE;
  return end > start;
}

static double
class_f1 (guint tp,
          guint n_predicted,
          guint n_gold)
{
  BtScore s = { n_predicted, n_gold, tp, tp };

  bt_score_finish (&s);
  return s.f1;
}

static void
score_characters (const guint8   *gold,
                  const guint8   *predicted,
                  guint           n,
                  BtReviewScores *scores)
{
  guint counts[2][2] = { { 0 } };

  for (guint i = 0; i < n; i++)
    counts[gold[i]][predicted[i]]++;
  scores->omitted_f1 = class_f1 (counts[1][1], counts[0][1] + counts[1][1], counts[1][0] + counts[1][1]);
  scores->rendered_f1 = class_f1 (counts[0][0], counts[0][0] + counts[1][0], counts[0][0] + counts[0][1]);
  scores->char_macro_f1 = (scores->omitted_f1 + scores->rendered_f1) / 2;
}

void
bt_scorer_compare_reviews (BtReview       *gold,
                           BtReview       *predicted,
                           BtReviewScores *scores)
{
  guint n_p;
  g_autofree guint *go = NULL;
  g_autofree guint *po = NULL;
  g_autoptr (GByteArray) gm = NULL;
  g_autoptr (GByteArray) pm = NULL;
  BtScore *whole = &scores->whole_omissions;

  g_return_if_fail (BT_IS_REVIEW (gold));
  g_return_if_fail (BT_IS_REVIEW (predicted));
  n_p = bt_document_get_n_paragraphs (bt_review_get_source (gold));
  g_return_if_fail (n_p == bt_document_get_n_paragraphs (bt_review_get_source (predicted)));

  score_links (gold, predicted, &scores->links);
  go = g_new (guint, n_p + 1);
  po = g_new (guint, n_p + 1);
  gm = omitted_mask (gold, go);
  pm = omitted_mask (predicted, po);
  *whole = (BtScore) { 0 };
  for (guint p = 0; p < n_p; p++)
    {
      gboolean g = all_set (gm->data, go[p], go[p + 1]);
      gboolean w = all_set (pm->data, po[p], po[p + 1]);

      whole->n_gold += g;
      whole->n_predicted += w;
      whole->n_correct += g && w;
    }
  whole->n_found = whole->n_correct;
  bt_score_finish (whole);
  score_characters (gm->data, pm->data, MIN (gm->len, pm->len), scores);
}

static int
uint_cmp (gconstpointer a,
          gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

BtAlignGroup *
bt_align_group_new (const guint *source,
                    guint        n_source,
                    const guint *target,
                    guint        n_target)
{
  BtAlignGroup *group = g_new0 (BtAlignGroup, 1);

  group->source = g_array_new (FALSE, FALSE, sizeof (guint));
  group->target = g_array_new (FALSE, FALSE, sizeof (guint));
  if (n_source > 0)
    g_array_append_vals (group->source, source, n_source);
  if (n_target > 0)
    g_array_append_vals (group->target, target, n_target);
  g_array_sort (group->source, uint_cmp);
  g_array_sort (group->target, uint_cmp);
  return group;
}

void
bt_align_group_free (BtAlignGroup *group)
{
  if (group == NULL)
    return;
  g_array_unref (group->source);
  g_array_unref (group->target);
  g_free (group);
}

static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    x = parent[x] = parent[parent[x]];
  return x;
}

GPtrArray *
bt_scorer_groups_from_review (BtReview *review)
{
  guint n_p, n_s;
  g_autofree guint *parent = NULL;
  g_autoptr (GHashTable) by_root = g_hash_table_new (NULL, NULL);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_align_group_free);

  g_return_val_if_fail (BT_IS_REVIEW (review), NULL);
  n_p = bt_document_get_n_paragraphs (bt_review_get_source (review));
  n_s = bt_document_get_n_sentences (bt_review_get_target (review));
  parent = g_new (guint, n_p + n_s);
  for (guint i = 0; i < n_p + n_s; i++)
    parent[i] = i;
  for (guint i = 0; i < bt_review_get_n_links (review); i++)
    {
      const BtLink *l = bt_review_get_link (review, i);

      if (l->state != BT_STATE_REJECTED)
        parent[find_root (parent, l->paragraph)] = find_root (parent, n_p + l->sentence);
    }
  for (guint i = 0; i < n_p + n_s; i++)
    {
      guint root = find_root (parent, i);
      BtAlignGroup *g = g_hash_table_lookup (by_root, GUINT_TO_POINTER (root + 1));

      if (g == NULL)
        {
          g = bt_align_group_new (NULL, 0, NULL, 0);
          g_ptr_array_add (groups, g);
          g_hash_table_insert (by_root, GUINT_TO_POINTER (root + 1), g);
        }
      if (i < n_p)
        g_array_append_val (g->source, i);
      else
        {
          guint s = i - n_p;

          g_array_append_val (g->target, s);
        }
    }
  return groups;
}

static char *
group_key (BtAlignGroup *g)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < g->source->len; i++)
    g_string_append_printf (key, "%u,", g_array_index (g->source, guint, i));
  g_string_append_c (key, '|');
  for (guint i = 0; i < g->target->len; i++)
    g_string_append_printf (key, "%u,", g_array_index (g->target, guint, i));
  return g_string_free (key, FALSE);
}

/* Group keys, and the target units each source unit is grouped with. */
typedef struct
{
  GHashTable *keys;
  GHashTable *targets; /* source + 1 -> GHashTable of target + 1 */
} GroupIndex;

static void
index_groups (GroupIndex *index,
              GPtrArray  *groups,
              gboolean    both_sides_only)
{
  index->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->targets = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < groups->len; i++)
    {
      BtAlignGroup *g = g_ptr_array_index (groups, i);

      if (both_sides_only && (g->source->len == 0 || g->target->len == 0))
        continue;
      g_hash_table_add (index->keys, group_key (g));
      for (guint a = 0; a < g->source->len; a++)
        {
          gpointer src = GUINT_TO_POINTER (g_array_index (g->source, guint, a) + 1);
          GHashTable *set = g_hash_table_lookup (index->targets, src);

          if (set == NULL)
            g_hash_table_insert (index->targets, src, set = g_hash_table_new (NULL, NULL));
          for (guint b = 0; b < g->target->len; b++)
            g_hash_table_add (set, GUINT_TO_POINTER (g_array_index (g->target, guint, b) + 1));
        }
    }
}

static void
index_clear (GroupIndex *index)
{
  g_clear_pointer (&index->keys, g_hash_table_unref);
  g_clear_pointer (&index->targets, g_hash_table_unref);
}

static void
match_group (GroupIndex   *index,
             BtAlignGroup *g,
             guint        *strict,
             guint        *lax)
{
  g_autofree char *key = group_key (g);

  if (g_hash_table_contains (index->keys, key))
    {
      (*strict)++;
      (*lax)++;
      return;
    }
  for (guint a = 0; a < g->source->len; a++)
    {
      GHashTable *set = g_hash_table_lookup (index->targets,
                                             GUINT_TO_POINTER (g_array_index (g->source, guint, a) + 1));

      for (guint b = 0; set != NULL && b < g->target->len; b++)
        if (g_hash_table_contains (set, GUINT_TO_POINTER (g_array_index (g->target, guint, b) + 1)))
          {
            (*lax)++;
            return;
          }
    }
}

void
bt_scorer_compare_groups (GPtrArray *gold,
                          GPtrArray *predicted,
                          BtScore   *strict,
                          BtScore   *lax)
{
  GroupIndex gi, pi;

  g_return_if_fail (gold != NULL && predicted != NULL);

  *strict = (BtScore) { 0 };
  *lax = (BtScore) { 0 };
  index_groups (&gi, gold, FALSE);
  index_groups (&pi, predicted, TRUE);
  for (guint i = 0; i < predicted->len; i++)
    {
      BtAlignGroup *g = g_ptr_array_index (predicted, i);

      if (g->source->len == 0 && g->target->len == 0)
        continue;
      strict->n_predicted++;
      match_group (&gi, g, &strict->n_correct, &lax->n_correct);
    }
  for (guint i = 0; i < gold->len; i++)
    {
      BtAlignGroup *g = g_ptr_array_index (gold, i);

      if (g->source->len == 0 || g->target->len == 0)
        continue;
      strict->n_gold++;
      match_group (&pi, g, &strict->n_found, &lax->n_found);
    }
  lax->n_predicted = strict->n_predicted;
  lax->n_gold = strict->n_gold;
  bt_score_finish (strict);
  bt_score_finish (lax);
  index_clear (&gi);
  index_clear (&pi);
}
