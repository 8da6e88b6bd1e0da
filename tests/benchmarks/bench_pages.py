"""Server time of the login page and the operator home (test client, 300 requests each)."""

from harness import (
    TIMING_HEADER,
    count_queries,
    measure,
    print_table,
    throwaway_database,
    timing_row,
)

REQUESTS = 300


def main() -> None:
    with throwaway_database() as connection:
        from django.core.management import call_command
        from django.test import Client

        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        anonymous = Client()
        operator = Client()
        operator.login(username="op-pd-01", password="demo-operator-2024")
        rows = []
        for name, client, url in [
            ("GET /accounts/login/ (anonymous)", anonymous, "/accounts/login/"),
            ("GET /base/ (operator home)", operator, "/base/"),
        ]:
            assert client.get(url).status_code == 200
            times = measure(lambda c=client, u=url: c.get(u), repeat=REQUESTS)
            rows.append(timing_row(name, times, count_queries(lambda c=client, u=url: c.get(u))))
        print_table(f"Pages ({connection.vendor})", TIMING_HEADER, rows)


if __name__ == "__main__":
    main()
