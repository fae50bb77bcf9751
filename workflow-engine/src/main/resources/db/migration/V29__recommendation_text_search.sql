-- Words in a recommendation's text (the register's text filter, ILIKE '%words%') found through a
-- trigram index: across a country team's reviews the planner otherwise read every recommendation
-- of every team and matched each (a sequential scan of the whole register; measured at 193 reviews
-- x 250 recommendations: docs/benchmarks.md, "Recommendations at scale"). pg_trgm is a contrib
-- extension shipped with PostgreSQL and trusted since PostgreSQL 13: the database's owner may
-- create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX upr_recommendation_text_trgm ON upr_recommendation USING GIN (text gin_trgm_ops);
