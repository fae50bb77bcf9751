-- A recommendation's latest counted progress update (by as-of date, then the order reported), as
-- the implementation matrix reads it for each of a review's recommendations: one index entry to
-- the row, where the index by (recommendation_id, number) read every update of the recommendation
-- and sorted them (measured at 193 reviews x 250 recommendations, 3 updates each: docs/benchmarks.md,
-- "Recommendations at scale").
CREATE INDEX upr_recommendation_progress_latest_counted
    ON upr_recommendation_progress (recommendation_id, as_of DESC, number DESC)
    WHERE clearance IN ('not-required', 'cleared');
