"""Plan.submitted_on: the date a plan was submitted (ngày trình). Existing plans keep null: the
approval rule "dated after the submission" is not applied to them."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tinhgon", "0005_import_lock"),
    ]

    operations = [
        migrations.AddField(
            model_name="plan",
            name="submitted_on",
            field=models.DateField(
                blank=True,
                help_text="Ngày trình (null for plans submitted before 0006).",
                null=True,
            ),
        ),
    ]
