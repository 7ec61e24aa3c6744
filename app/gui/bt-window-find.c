/* bt-window-find.c: finding words in both texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-window-private.h"

static char *
row_text (BtWindow *self,
          guint     position,
          guint     n_paragraphs)
{
  if (position < n_paragraphs)
    return g_strdup (bt_document_get_paragraph (bt_review_get_source (self->review), position)->text);
  return bt_document_dup_sentence_text (bt_review_get_target (self->review), position - n_paragraphs);
}

static void
select_position (BtWindow *self,
                 guint     position,
                 guint     n_paragraphs)
{
  if (position < n_paragraphs)
    _bt_window_select_paragraph (self, position);
  else
    _bt_window_select_sentence (self, position - n_paragraphs);
}

gboolean
_bt_window_find (BtWindow   *self,
                 const char *query,
                 int         step)
{
  g_autofree char *needle = NULL;
  guint n_paragraphs, n;

  if (self->review == NULL || query == NULL || query[0] == '\0')
    return FALSE;
  needle = g_utf8_casefold (query, -1);
  n_paragraphs = bt_document_get_n_paragraphs (bt_review_get_source (self->review));
  n = n_paragraphs + bt_document_get_n_sentences (bt_review_get_target (self->review));
  for (guint i = 1; i <= n; i++)
    {
      guint position = (self->find_position + n + step * (int) i) % n;
      g_autofree char *text = row_text (self, position, n_paragraphs);
      g_autofree char *folded = g_utf8_casefold (text, -1);

      if (strstr (folded, needle) != NULL)
        {
          self->find_position = position;
          select_position (self, position, n_paragraphs);
          return TRUE;
        }
    }
  return FALSE;
}

static void
show_result (BtWindow *self,
             gboolean  found)
{
  if (found || gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
search_changed_cb (BtWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* A new query starts looking at the current match itself. */
  if (self->review != NULL)
    {
      guint n = bt_document_get_n_paragraphs (bt_review_get_source (self->review)) +
                bt_document_get_n_sentences (bt_review_get_target (self->review));

      self->find_position = (self->find_position + n - 1) % MAX (n, 1);
    }
  show_result (self, _bt_window_find (self, query, 1));
}

static void
next_match_cb (BtWindow *self)
{
  show_result (self, _bt_window_find (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), 1));
}

static void
previous_match_cb (BtWindow *self)
{
  show_result (self, _bt_window_find (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BtWindow              *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      previous_match_cb (self);
      return TRUE;
    }
  return FALSE;
}

void
_bt_window_find_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_bt_window_init_find (BtWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (next_match_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match", G_CALLBACK (next_match_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match", G_CALLBACK (previous_match_cb),
                           self, G_CONNECT_SWAPPED);
}
