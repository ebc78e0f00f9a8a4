"""Officer forms: the meeting details of a draft agenda and its items (reorder, rename, add, remove)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory

from minutebook.publish.models import DraftAgenda, DraftAgendaItem
from minutebook.record.models import Committee, Report


def govuk_widgets(form: forms.BaseForm) -> None:
    """GOV.UK Frontend classes on the widgets, so the officer pages look like the rest of the site."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            # GOV.UK's checkbox class hides the native box unless wrapped in its markup.
            continue
        if isinstance(widget, forms.Textarea):
            css = "govuk-textarea"
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "govuk-select"
        else:
            css = "govuk-input"
        widget.attrs["class"] = css


class StartDraftForm(forms.Form):
    committee = forms.ModelChoiceField(
        queryset=Committee.objects.select_related("council").order_by("council__name", "name"),
        label="Committee",
    )
    date = forms.DateField(label="Meeting date", help_text="For example, 2021-03-03")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        govuk_widgets(self)


class DraftDetailsForm(forms.ModelForm):
    class Meta:
        model = DraftAgenda
        fields = ["start_time", "venue", "contacts", "summoned_by", "published"]
        labels = {
            "start_time": "Start time (HH:MM)",
            "published": "Publication date (YYYY-MM-DD)",
            "summoned_by": "Summoned by",
        }
        widgets = {"contacts": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        govuk_widgets(self)


class DraftItemForm(forms.ModelForm):
    class Meta:
        model = DraftAgendaItem
        fields = ["order", "title", "description", "part", "scheduled_time", "reports"]
        labels = {"scheduled_time": "Time (HH:MM)", "part": "Part"}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "reports": forms.SelectMultiple(attrs={"size": 4}),
        }


class BaseDraftItemFormSet(BaseModelFormSet):
    def __init__(self, *args: Any, draft: DraftAgenda, **kwargs: Any) -> None:
        self.draft = draft
        kwargs.setdefault("queryset", draft.items.all())
        super().__init__(*args, **kwargs)
        reports = Report.objects.filter(committee=draft.committee).order_by("-report_date", "title")
        for form in self.forms:
            form.fields["reports"].queryset = reports
            form.fields["reports"].required = False
            form.fields["order"].required = False
            if form.instance.pk is None:
                form.fields["title"].required = False
            govuk_widgets(form)

    def save_items(self) -> None:
        """Save edits and deletions; blank new rows are ignored; orders are renumbered 1..n."""
        for form in self.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue
            if self.can_delete and self._should_delete_form(form):
                if form.instance.pk is not None:
                    form.instance.delete()
                continue
            if form.instance.pk is None and not form.cleaned_data.get("title"):
                continue
            item = form.save(commit=False)
            item.draft = self.draft
            if item.order is None:
                item.order = 10_000
            item.save()
            form.save_m2m()
        for n, item in enumerate(self.draft.items.order_by("order", "pk"), start=1):
            if item.order != n:
                DraftAgendaItem.objects.filter(pk=item.pk).update(order=n)


DraftItemFormSet = modelformset_factory(
    DraftAgendaItem,
    form=DraftItemForm,
    formset=BaseDraftItemFormSet,
    extra=2,
    can_delete=True,
)
