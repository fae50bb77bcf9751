-- The Human Rights Council's regular sessions, which adopt the UPR outcomes: number, opening and
-- closing day, and whether the dates are published (ungeneva.org press releases for each session)
-- or planned (the Council's usual pattern, until an admin enters the published ones). Kept by
-- admins with a version for If-Match, like the WG sessions; every change in the audit trail.
CREATE TABLE hrc_session (
    number      INTEGER PRIMARY KEY CHECK (number > 0),
    opens_on    DATE    NOT NULL,
    closes_on   DATE    NOT NULL,
    published   BOOLEAN NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    CHECK (closes_on >= opens_on)
);

INSERT INTO hrc_session (number, opens_on, closes_on, published) VALUES
    (49, DATE '2022-02-28', DATE '2022-04-01', FALSE),
    (50, DATE '2022-06-13', DATE '2022-07-08', FALSE),
    (51, DATE '2022-09-12', DATE '2022-10-07', TRUE),
    (52, DATE '2023-02-27', DATE '2023-04-04', TRUE),
    (53, DATE '2023-06-19', DATE '2023-07-14', TRUE),
    (54, DATE '2023-09-11', DATE '2023-10-13', TRUE),
    (55, DATE '2024-02-26', DATE '2024-04-05', TRUE),
    (56, DATE '2024-06-18', DATE '2024-07-12', FALSE),
    (57, DATE '2024-09-09', DATE '2024-10-11', TRUE),
    (58, DATE '2025-02-24', DATE '2025-04-04', TRUE),
    (59, DATE '2025-06-16', DATE '2025-07-09', TRUE),
    (60, DATE '2025-09-08', DATE '2025-10-08', TRUE),
    (61, DATE '2026-02-23', DATE '2026-03-31', TRUE),
    (62, DATE '2026-06-15', DATE '2026-07-10', FALSE),
    (63, DATE '2026-09-14', DATE '2026-10-16', FALSE),
    (64, DATE '2027-02-22', DATE '2027-04-02', FALSE),
    (65, DATE '2027-06-21', DATE '2027-07-16', FALSE),
    (66, DATE '2027-09-13', DATE '2027-10-15', FALSE);

-- Sessions 41 and 42: the adopting HRC sessions and the addendum deadlines OHCHR published.
UPDATE upr_session SET hrc_session = 52, addendum_early_deadline = DATE '2022-12-12',
    addendum_final_deadline = DATE '2023-02-13' WHERE number = 41;
UPDATE upr_session SET hrc_session = 53, addendum_early_deadline = DATE '2023-04-03',
    addendum_final_deadline = DATE '2023-06-05' WHERE number = 42;
