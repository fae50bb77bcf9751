-- Reference data every installation starts with; admins add to it.

INSERT INTO upr_agency (code, name) VALUES
    ('FAO',      'Food and Agriculture Organization of the United Nations'),
    ('ILO',      'International Labour Organization'),
    ('IOM',      'International Organization for Migration'),
    ('OHCHR',    'Office of the United Nations High Commissioner for Human Rights'),
    ('UNAIDS',   'Joint United Nations Programme on HIV/AIDS'),
    ('UNDP',     'United Nations Development Programme'),
    ('UNESCO',   'United Nations Educational, Scientific and Cultural Organization'),
    ('UNFPA',    'United Nations Population Fund'),
    ('UNHCR',    'Office of the United Nations High Commissioner for Refugees'),
    ('UNICEF',   'United Nations Children''s Fund'),
    ('UNODC',    'United Nations Office on Drugs and Crime'),
    ('UNWOMEN',  'United Nations Entity for Gender Equality and the Empowerment of Women'),
    ('WFP',      'World Food Programme'),
    ('WHO',      'World Health Organization');

-- Cycle 4 sessions with the deadlines OHCHR published (see DOMAIN.md). The UN-entity deadline was not
-- published separately for these sessions: it defaults to the stakeholder deadline.
INSERT INTO upr_session (number, cycle, starts_on, ends_on, stakeholder_deadline, national_report_deadline) VALUES
    (41, 4, DATE '2022-11-07', DATE '2022-11-18', DATE '2022-03-31', DATE '2022-08-08'),
    (42, 4, DATE '2023-01-23', DATE '2023-02-03', DATE '2022-07-14', DATE '2022-10-10');

-- Sessions ahead whose dates are planned but not yet confirmed by OHCHR; no official deadlines yet.
INSERT INTO upr_session (number, cycle, starts_on, ends_on, dates_tentative) VALUES
    (54, 4, DATE '2027-01-25', DATE '2027-02-05', TRUE),
    (55, 5, DATE '2027-05-03', DATE '2027-05-14', TRUE),
    (56, 5, DATE '2027-11-01', DATE '2027-11-12', TRUE);
