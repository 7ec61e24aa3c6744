/* bt-link-gutter.c: curves between linked rows of the two panes
 *
 * Only rows the list views have bound are measured, so the cost follows
 * what is on screen, not the size of the review. A link whose other end is
 * scrolled away runs to the top or bottom edge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-line-row.h"
#include "bt-link-gutter.h"

struct _BtLinkGutter
{
  GtkWidget    parent_instance;

  GtkListView *source_view;
  GtkListView *target_view;
  BtReview    *review;
  guint        paragraph;
  guint        n_drawn;
};

G_DEFINE_FINAL_TYPE (BtLinkGutter, bt_link_gutter, GTK_TYPE_WIDGET)

typedef struct
{
  GHashTable *y;     /* index + 1 => centre y + 1, in gutter coordinates */
  guint       first; /* lowest visible index */
  guint       last;  /* highest visible index */
} Visible;

/* Rows the list view keeps bound beyond its edges count as scrolled away,
 * so that no curve is drawn, dashes and all, far outside the gutter. */
static void
measure_rows (BtLinkGutter *self,
              GtkListView  *view,
              Visible      *visible)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  visible->y = g_hash_table_new (NULL, NULL);
  visible->first = G_MAXUINT;
  visible->last = 0;
  if (view == NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      double row_height = gtk_widget_get_height (child);
      double x, y;
      guint index;

      if (row == NULL || !BT_IS_LINE_ROW (row) || !gtk_widget_get_child_visible (child) ||
          !gtk_widget_get_mapped (row))
        continue;
      index = bt_line_row_get_index (BT_LINE_ROW (row));
      if (index == G_MAXUINT ||
          !gtk_widget_translate_coordinates (child, GTK_WIDGET (self), 0, 0, &x, &y) ||
          y + row_height < 0 || y > height)
        continue;
      y += row_height / 2.0;
      g_hash_table_insert (visible->y, GUINT_TO_POINTER (index + 1), GINT_TO_POINTER ((int) y + 1));
      visible->first = MIN (visible->first, index);
      visible->last = MAX (visible->last, index);
    }
}

static double
end_y (Visible *visible,
       guint    index,
       double   height)
{
  gpointer value = g_hash_table_lookup (visible->y, GUINT_TO_POINTER (index + 1));

  if (value != NULL)
    return GPOINTER_TO_INT (value) - 1;
  return index < visible->first ? 0 : height;
}

/* Curves are gathered by look, without repeats (links to rows scrolled
 * away share their end), and stroked once per look. Rasterising costs in
 * proportion to the curves' total height, so the fewer the better. */
enum
{
  LOOK_CONFIRMED,
  LOOK_SUGGESTED,
  LOOK_SELECTED_CONFIRMED,
  LOOK_SELECTED_SUGGESTED,
  N_LOOKS
};

static void
add_link (BtLinkGutter *self,
          GArray      **curves,
          GHashTable   *seen,
          const BtLink *link,
          double        y1,
          double        y2)
{
  guint look = (link->paragraph == self->paragraph ? LOOK_SELECTED_CONFIRMED : LOOK_CONFIRMED) +
               (link->state == BT_STATE_SUGGESTED ? 1 : 0);
  double ends[2] = { y1, y2 };
  guint key = ((guint) y1 & 0x7fff) << 17 | ((guint) y2 & 0x7fff) << 2 | look;

  if (!g_hash_table_add (seen, GUINT_TO_POINTER (key + 1)))
    return;
  g_array_append_vals (curves[look], ends, 2);
  self->n_drawn++;
}

static void
add_links_of (BtLinkGutter *self,
              GArray      **curves,
              GHashTable   *seen,
              Visible      *source,
              Visible      *target,
              gboolean      from_source)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  Visible *here = from_source ? source : target;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, here->y);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint index = GPOINTER_TO_UINT (key) - 1;
      const guint *links;
      guint n_links;

      links = from_source ? bt_review_get_paragraph_links (self->review, index, &n_links)
                          : bt_review_get_sentence_links (self->review, index, &n_links);
      for (guint i = 0; i < n_links; i++)
        {
          const BtLink *link = bt_review_get_link (self->review, links[i]);

          if (link->state == BT_STATE_REJECTED)
            continue;
          /* Links with both ends visible are drawn from the source side. */
          if (!from_source &&
              g_hash_table_contains (source->y, GUINT_TO_POINTER (link->paragraph + 1)))
            continue;
          add_link (self, curves, seen, link, end_y (source, link->paragraph, height),
                    end_y (target, link->sentence, height));
        }
    }
}

static void
stroke_look (BtLinkGutter  *self,
             cairo_t       *cr,
             guint          look,
             GArray        *curves,
             const GdkRGBA *fg)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean selected = look >= LOOK_SELECTED_CONFIRMED;
  gboolean suggested = look == LOOK_SUGGESTED || look == LOOK_SELECTED_SUGGESTED;
  static const double dash[] = { 4, 3 };

  if (curves->len == 0)
    return;
  if (selected)
    cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, suggested ? 0.8 : 1.0);
  else
    cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, suggested ? 0.3 : 0.55);
  cairo_set_line_width (cr, selected ? 2.0 : 1.25);
  cairo_set_dash (cr, dash, suggested ? 2 : 0, 0);
  for (guint i = 0; i + 1 < curves->len; i += 2)
    {
      double y1 = g_array_index (curves, double, i);
      double y2 = g_array_index (curves, double, i + 1);

      cairo_move_to (cr, 0, y1);
      cairo_curve_to (cr, width / 2, y1, width / 2, y2, width, y2);
    }
  cairo_stroke (cr);
}

static void
bt_link_gutter_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  BtLinkGutter *self = BT_LINK_GUTTER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GArray *curves[N_LOOKS];
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  Visible source, target;
  GdkRGBA fg;
  cairo_t *cr;

  self->n_drawn = 0;
  if (self->review == NULL || width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  measure_rows (self, self->source_view, &source);
  measure_rows (self, self->target_view, &target);
  for (guint look = 0; look < N_LOOKS; look++)
    curves[look] = g_array_new (FALSE, FALSE, sizeof (double));
  add_links_of (self, curves, seen, &source, &target, TRUE);
  add_links_of (self, curves, seen, &source, &target, FALSE);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Thin curves look the same with the coarser, much quicker sampling. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (guint look = 0; look < N_LOOKS; look++)
    {
      stroke_look (self, cr, look, curves[look], &fg);
      g_array_unref (curves[look]);
    }
  cairo_destroy (cr);
  g_hash_table_unref (source.y);
  g_hash_table_unref (target.y);
}

static void
adjustment_changed_cb (BtLinkGutter *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch_view (BtLinkGutter *self,
            GtkListView  *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  g_signal_connect_object (view, "notify::vadjustment", G_CALLBACK (adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (adjustment != NULL)
    {
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

void
bt_link_gutter_set_views (BtLinkGutter *self,
                          GtkListView  *source_view,
                          GtkListView  *target_view)
{
  g_return_if_fail (BT_IS_LINK_GUTTER (self));
  g_return_if_fail (GTK_IS_LIST_VIEW (source_view));
  g_return_if_fail (GTK_IS_LIST_VIEW (target_view));

  g_set_weak_pointer (&self->source_view, source_view);
  g_set_weak_pointer (&self->target_view, target_view);
  watch_view (self, source_view);
  watch_view (self, target_view);
}

void
bt_link_gutter_set_review (BtLinkGutter *self,
                           BtReview     *review)
{
  g_return_if_fail (BT_IS_LINK_GUTTER (self));
  g_return_if_fail (review == NULL || BT_IS_REVIEW (review));

  if (g_set_object (&self->review, review))
    {
      self->paragraph = GTK_INVALID_LIST_POSITION;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
bt_link_gutter_set_paragraph (BtLinkGutter *self,
                              guint         paragraph)
{
  g_return_if_fail (BT_IS_LINK_GUTTER (self));

  if (self->paragraph == paragraph)
    return;
  self->paragraph = paragraph;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
bt_link_gutter_get_n_drawn (BtLinkGutter *self)
{
  g_return_val_if_fail (BT_IS_LINK_GUTTER (self), 0);

  return self->n_drawn;
}

static void
bt_link_gutter_dispose (GObject *object)
{
  BtLinkGutter *self = BT_LINK_GUTTER (object);

  g_clear_weak_pointer (&self->source_view);
  g_clear_weak_pointer (&self->target_view);
  g_clear_object (&self->review);

  G_OBJECT_CLASS (bt_link_gutter_parent_class)->dispose (object);
}

static void
bt_link_gutter_class_init (BtLinkGutterClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bt_link_gutter_dispose;
  widget_class->snapshot = bt_link_gutter_snapshot;
  gtk_widget_class_set_css_name (widget_class, "btlinkgutter");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bt_link_gutter_init (BtLinkGutter *self)
{
  self->paragraph = GTK_INVALID_LIST_POSITION;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Links between paragraphs and sentences"), -1);
}

GtkWidget *
bt_link_gutter_new (void)
{
  return g_object_new (BT_TYPE_LINK_GUTTER, NULL);
}
