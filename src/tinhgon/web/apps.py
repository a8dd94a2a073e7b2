from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tinhgon.web"
    label = "tinhgon"
    verbose_name = "tinhgon"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import request_finished

        from tinhgon.web import collector

        # A full collection, when one is due, after the response has been sent.
        request_finished.connect(collector.reclaim_if_due, dispatch_uid="tinhgon-gc-reclaim")
