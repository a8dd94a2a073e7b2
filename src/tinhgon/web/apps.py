from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tinhgon.web"
    label = "tinhgon"
    verbose_name = "tinhgon"
    default_auto_field = "django.db.models.BigAutoField"
