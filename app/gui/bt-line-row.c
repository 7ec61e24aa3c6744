/* bt-line-row.c: the row showing one paragraph or one sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-line-row.h"

struct _BtLineRow
{
  GtkWidget   parent_instance;

  /* shown */
  BtLineItem *item;
  gulong      changed_id;

  /* children */
  GtkWidget  *header;
  GtkWidget  *status;
  GtkWidget  *number;
  GtkWidget  *label;
  GtkWidget  *links;
  const char *status_tooltip;
};

/* Gaps between the status, number, text and links. */
#define SPACING       6
/* The text's share of the row's minimum width; any narrower it wraps. */
#define MIN_TEXT_WIDTH 96
/* Pango lays a label out whole, so a paragraph of millions of characters
 * would hold the main loop for seconds: a row shows its beginning. */
#define MAX_SHOWN_CHARS 20000

G_DEFINE_FINAL_TYPE (BtLineRow, bt_line_row, GTK_TYPE_WIDGET)

typedef struct
{
  guint8 red, green, blue;
  guint16 alpha;
} Tint;

/* Indexed by coverage, then by omission severity; light and dark themes
 * both read well with these translucent backgrounds. */
static const Tint coverage_tints[] = {
  [BT_COVERAGE_UNDECIDED] = { 0xf6, 0xd3, 0x2d, 0x3000 },
  [BT_COVERAGE_RENDERED] = { 0x33, 0xd1, 0x7a, 0x3000 },
};
static const Tint severity_tints[BT_N_SEVERITIES] = {
  [BT_SEVERITY_NEUTRAL] = { 0x62, 0xa0, 0xea, 0x4000 },
  [BT_SEVERITY_MINOR] = { 0xff, 0x78, 0x00, 0x4000 },
  [BT_SEVERITY_MAJOR] = { 0xe0, 0x1b, 0x24, 0x4800 },
  [BT_SEVERITY_CRITICAL] = { 0xc0, 0x1c, 0x28, 0x7000 },
};

static void
add_tint (PangoAttrList *attrs,
          const Tint    *tint,
          guint          start,
          guint          end)
{
  PangoAttribute *attr;

  attr = pango_attr_background_new (tint->red * 257, tint->green * 257, tint->blue * 257);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_background_alpha_new (tint->alpha);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/* Severity + 1 of the worst omission covering each code point, 0 if none. */
static GByteArray *
severity_map (BtReview *review,
              guint     paragraph,
              guint     n_chars)
{
  g_autoptr (GArray) omissions = bt_review_list_paragraph_omissions (review, paragraph);
  GByteArray *map = g_byte_array_sized_new (n_chars);

  g_byte_array_set_size (map, n_chars);
  memset (map->data, 0, n_chars);
  for (guint i = 0; omissions != NULL && i < omissions->len; i++)
    {
      const BtOmission *o = bt_review_get_omission (review, g_array_index (omissions, guint, i));

      if (o->state == BT_STATE_REJECTED)
        continue;
      for (guint c = o->start; c < o->end && c < n_chars; c++)
        map->data[c] = MAX (map->data[c], (guint8) (o->severity + 1));
    }
  return map;
}

static const Tint *
tint_at (GByteArray *coverage,
         GByteArray *severities,
         guint       c)
{
  guint8 cov = c < coverage->len ? coverage->data[c] : BT_COVERAGE_UNDECIDED;

  if (cov == BT_COVERAGE_OMITTED)
    return &severity_tints[severities->data[c] > 0 ? severities->data[c] - 1 : BT_SEVERITY_MINOR];
  return &coverage_tints[cov];
}

PangoAttrList *
bt_line_row_coverage_attrs (BtReview *review,
                            guint     paragraph)
{
  const BtParagraph *p = bt_document_get_paragraph (bt_review_get_source (review), paragraph);
  g_autoptr (GByteArray) coverage = bt_review_get_coverage (review, paragraph);
  g_autoptr (GByteArray) severities = severity_map (review, paragraph,
                                                     MIN (p->n_chars, MAX_SHOWN_CHARS));
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *run_start = p->text;
  const char *s = p->text;
  const Tint *run_tint = NULL;
  guint n_shown = MIN (p->n_chars, MAX_SHOWN_CHARS);

  for (guint c = 0; c <= n_shown; c++)
    {
      const Tint *tint = c < n_shown ? tint_at (coverage, severities, c) : NULL;

      if (tint != run_tint)
        {
          if (run_tint != NULL)
            add_tint (attrs, run_tint, run_start - p->text, s - p->text);
          run_tint = tint;
          run_start = s;
        }
      if (c < n_shown)
        s = g_utf8_next_char (s);
    }
  return attrs;
}

static const char *
status_icon_name (BtStatus status)
{
  switch (status)
    {
    case BT_STATUS_REVIEWED:
      return "checkbox-checked-symbolic";
    case BT_STATUS_NEEDS_ATTENTION:
      return "dialog-warning-symbolic";
    case BT_STATUS_UNREVIEWED:
    default:
      return "checkbox-symbolic";
    }
}

static const char *
status_label (BtStatus status)
{
  switch (status)
    {
    case BT_STATUS_REVIEWED:
      return _("Reviewed");
    case BT_STATUS_NEEDS_ATTENTION:
      return _("Needs attention");
    case BT_STATUS_UNREVIEWED:
    default:
      return _("Unreviewed");
    }
}

/* "3, 5?" : the other side's numbers, a question mark on suggestions. */
static char *
format_links (BtReview    *review,
              BtSide       side,
              const guint *links,
              guint        n_links)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_links; i++)
    {
      const BtLink *link = bt_review_get_link (review, links[i]);

      if (link->state == BT_STATE_REJECTED)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%u%s",
                              (side == BT_SIDE_SOURCE ? link->sentence : link->paragraph) + 1,
                              link->state == BT_STATE_SUGGESTED ? "?" : "");
    }
  return g_string_free (text, FALSE);
}

static guint
count_live_links (BtReview    *review,
                  const guint *links,
                  guint        n_links)
{
  guint n = 0;

  for (guint i = 0; i < n_links; i++)
    if (bt_review_get_link (review, links[i])->state != BT_STATE_REJECTED)
      n++;
  return n;
}

static void
show_links (BtLineRow   *self,
            BtReview    *review,
            BtSide       side,
            const guint *links,
            guint        n_links)
{
  g_autofree char *text = format_links (review, side, links, n_links);

  gtk_label_set_text (GTK_LABEL (self->links), text);
  gtk_widget_set_visible (self->links, text[0] != '\0');
}

/* Setters that relayout or redraw even when nothing changes are skipped
 * then: a row is refreshed whenever a link or the selection moves. */
static void
set_attributes (GtkWidget     *label,
                PangoAttrList *attrs)
{
  PangoAttrList *shown = gtk_label_get_attributes (GTK_LABEL (label));

  if (shown == attrs || (shown != NULL && attrs != NULL && pango_attr_list_equal (shown, attrs)))
    return;
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
}

static void
set_icon (GtkWidget  *image,
          const char *icon_name)
{
  if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), icon_name) != 0)
    gtk_image_set_from_icon_name (GTK_IMAGE (image), icon_name);
}

/* The status icon's tooltip, also its name for screen readers. */
static void
set_status_text (BtLineRow  *self,
                 const char *text)
{
  if (self->status_tooltip == text)
    return;
  self->status_tooltip = text;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text, -1);
}

/* Offsets into the shown text stay those of the whole text: only an
 * ellipsis follows the part shown. */
static void
set_text (BtLineRow  *self,
          const char *text,
          gsize       n_chars)
{
  g_autofree char *shown = NULL;

  if (n_chars <= MAX_SHOWN_CHARS)
    {
      gtk_label_set_text (GTK_LABEL (self->label), text);
      return;
    }
  shown = g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (text, MAX_SHOWN_CHARS) - text),
                           text);
  gtk_label_set_text (GTK_LABEL (self->label), shown);
}

static void
show_paragraph (BtLineRow *self,
                BtReview  *review,
                guint      index)
{
  const BtParagraph *p = bt_document_get_paragraph (bt_review_get_source (review), index);
  g_autoptr (PangoAttrList) attrs = bt_line_row_coverage_attrs (review, index);
  BtStatus status = bt_review_get_status (review, index);
  const guint *links;
  guint n_links;

  set_text (self, p->text, p->n_chars);
  set_attributes (self->label, attrs);
  set_icon (self->status, status_icon_name (status));
  set_status_text (self, status_label (status));
  links = bt_review_get_paragraph_links (review, index, &n_links);
  show_links (self, review, BT_SIDE_SOURCE, links, n_links);
}

static void
show_sentence (BtLineRow *self,
               BtReview  *review,
               guint      index)
{
  BtDocument *target = bt_review_get_target (review);
  const BtSentence *sentence = bt_document_get_sentence (target, index);
  const BtParagraph *p = bt_document_get_paragraph (target, sentence->paragraph);
  g_autofree char *text = bt_document_dup_sentence_text (target, index);
  g_autofree char *header = NULL;
  const BtAddition *addition = bt_review_find_addition (review, index);
  const guint *links;
  guint n_links;
  gboolean lone;

  set_text (self, text, g_utf8_strlen (text, -1));
  set_attributes (self->label, NULL);
  header = g_strdup_printf (_("Paragraph %u"), sentence->paragraph + 1);
  gtk_label_set_text (GTK_LABEL (self->header), header);
  gtk_widget_set_visible (self->header, p->first_sentence == index);
  links = bt_review_get_sentence_links (review, index, &n_links);
  show_links (self, review, BT_SIDE_TARGET, links, n_links);

  lone = count_live_links (review, links, n_links) == 0;
  gtk_widget_set_visible (self->status, lone);
  set_icon (self->status, "list-add-symbolic");
  set_status_text (self, addition != NULL && addition->state != BT_STATE_REJECTED
                          ? _("Addition: no source behind this sentence")
                          : _("Not linked to any paragraph"));
}

static void
bt_line_row_update (BtLineRow *self)
{
  BtLineModel *model = bt_line_item_get_model (self->item);
  BtReview *review;
  guint index = bt_line_item_get_index (self->item);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);

  if (model == NULL)
    return;
  review = bt_line_model_get_review (model);
  gtk_label_set_text (GTK_LABEL (self->number), number);
  if (bt_line_model_get_side (model) == BT_SIDE_SOURCE)
    show_paragraph (self, review, index);
  else
    show_sentence (self, review, index);

  if (bt_line_model_is_highlighted (model, index))
    gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "linked");
}

static void
item_changed_cb (BtLineRow *self)
{
  bt_line_row_update (self);
}

void
bt_line_row_bind (BtLineRow  *self,
                  BtLineItem *item)
{
  g_return_if_fail (BT_IS_LINE_ROW (self));
  g_return_if_fail (BT_IS_LINE_ITEM (item));

  bt_line_row_unbind (self);
  self->item = g_object_ref (item);
  self->changed_id = g_signal_connect_swapped (item, "changed", G_CALLBACK (item_changed_cb), self);
  gtk_widget_set_visible (self->header, FALSE);
  gtk_widget_set_visible (self->status, TRUE);
  bt_line_row_update (self);
}

void
bt_line_row_unbind (BtLineRow *self)
{
  g_return_if_fail (BT_IS_LINE_ROW (self));

  if (self->item == NULL)
    return;
  g_clear_signal_handler (&self->changed_id, self->item);
  g_clear_object (&self->item);
  gtk_label_select_region (GTK_LABEL (self->label), 0, 0);
  gtk_label_set_selectable (GTK_LABEL (self->label), FALSE);
}

guint
bt_line_row_get_index (BtLineRow *self)
{
  g_return_val_if_fail (BT_IS_LINE_ROW (self), G_MAXUINT);

  return self->item != NULL ? bt_line_item_get_index (self->item) : G_MAXUINT;
}

BtSide
bt_line_row_get_side (BtLineRow *self)
{
  g_return_val_if_fail (BT_IS_LINE_ROW (self), BT_SIDE_SOURCE);

  if (self->item == NULL || bt_line_item_get_model (self->item) == NULL)
    return BT_SIDE_SOURCE;
  return bt_line_model_get_side (bt_line_item_get_model (self->item));
}

GtkLabel *
bt_line_row_get_label (BtLineRow *self)
{
  g_return_val_if_fail (BT_IS_LINE_ROW (self), NULL);

  return GTK_LABEL (self->label);
}

static void
bt_line_row_dispose (GObject *object)
{
  BtLineRow *self = BT_LINE_ROW (object);
  GtkWidget *child;

  bt_line_row_unbind (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bt_line_row_parent_class)->dispose (object);
}

/* Layout: an optional header above a line of status, number, text and
 * links. Only the text wraps; it is measured once for the width left to
 * it, never for a height, which would make a wrapping label search. */

static int
natural_width (GtkWidget *child)
{
  int natural = 0;

  if (gtk_widget_should_layout (child))
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static int
natural_height (GtkWidget *child,
                int        for_width)
{
  int natural = 0;

  if (gtk_widget_should_layout (child))
    gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, for_width, NULL, &natural, NULL, NULL);
  return natural;
}

/* Width taken by the status, number and links with their gaps. */
static int
fixed_width (BtLineRow *self)
{
  int width = natural_width (self->number) + SPACING;

  if (gtk_widget_should_layout (self->status))
    width += natural_width (self->status) + SPACING;
  if (gtk_widget_should_layout (self->links))
    width += natural_width (self->links) + SPACING;
  return width;
}

static int
line_height (BtLineRow *self,
             int        width)
{
  int text_width = MAX (width - fixed_width (self), 1);
  int height = natural_height (self->label, text_width);

  height = MAX (height, natural_height (self->status, -1));
  height = MAX (height, natural_height (self->number, -1));
  return MAX (height, natural_height (self->links, -1));
}

static void
bt_line_row_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  BtLineRow *self = BT_LINE_ROW (widget);
  int width = MAX (fixed_width (self) + MIN_TEXT_WIDTH, natural_width (self->header));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = width;
      return;
    }
  *minimum = *natural = natural_height (self->header, -1) +
                        line_height (self, for_size < 0 ? width : for_size);
}

static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height)
{
  if (gtk_widget_should_layout (child))
    gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
bt_line_row_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  BtLineRow *self = BT_LINE_ROW (widget);
  int header = natural_height (self->header, -1);
  int status = natural_width (self->status);
  int number = natural_width (self->number);
  int links = natural_width (self->links);
  int x = 0, text_width, line;

  place (self->header, 0, 0, width, header);
  line = height - header;
  place (self->status, x, header, status, natural_height (self->status, -1));
  if (status > 0)
    x += status + SPACING;
  place (self->number, x, header, number, natural_height (self->number, -1));
  x += number + SPACING;
  text_width = MAX (width - x - (links > 0 ? links + SPACING : 0), 1);
  place (self->label, x, header, text_width, line);
  place (self->links, width - links, header, links, natural_height (self->links, -1));
}

static GtkSizeRequestMode
bt_line_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Tooltips are looked up when asked for: setting one makes GTK query the
 * pointer from the display server, which each bind would pay for. */
static gboolean
status_query_tooltip_cb (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         BtLineRow  *self)
{
  if (self->status_tooltip == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->status_tooltip);
  return TRUE;
}

static gboolean
links_query_tooltip_cb (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        BtLineRow  *self)
{
  gtk_tooltip_set_text (tooltip, _("Linked on the other side; “?” marks a suggestion"));
  return TRUE;
}

static void
bt_line_row_class_init (BtLineRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bt_line_row_dispose;
  widget_class->measure = bt_line_row_measure;
  widget_class->size_allocate = bt_line_row_size_allocate;
  widget_class->get_request_mode = bt_line_row_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "btlinerow");
}

static GtkWidget *
new_label (BtLineRow  *self,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
bt_line_row_init (BtLineRow *self)
{
  self->header = new_label (self, "paragraph-header");
  gtk_label_set_xalign (GTK_LABEL (self->header), 0);
  gtk_widget_set_visible (self->header, FALSE);

  self->status = gtk_image_new ();
  gtk_widget_add_css_class (self->status, "status");
  gtk_widget_set_parent (self->status, GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (self->status, TRUE);
  g_signal_connect_object (self->status, "query-tooltip", G_CALLBACK (status_query_tooltip_cb),
                           self, 0);

  self->number = new_label (self, "number");
  gtk_label_set_xalign (GTK_LABEL (self->number), 1);
  gtk_label_set_width_chars (GTK_LABEL (self->number), 3);

  self->label = new_label (self, "text");
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_yalign (GTK_LABEL (self->label), 0);

  self->links = new_label (self, "links");
  /* A paragraph rendered by many sentences lists them over several lines
   * rather than squeezing its text. */
  gtk_label_set_wrap (GTK_LABEL (self->links), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->links), 12);
  gtk_label_set_yalign (GTK_LABEL (self->links), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->links), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Linked on the other side; “?” marks a suggestion"), -1);
  gtk_widget_set_has_tooltip (self->links, TRUE);
  g_signal_connect_object (self->links, "query-tooltip", G_CALLBACK (links_query_tooltip_cb),
                           self, 0);
}

GtkWidget *
bt_line_row_new (void)
{
  return g_object_new (BT_TYPE_LINE_ROW, NULL);
}
