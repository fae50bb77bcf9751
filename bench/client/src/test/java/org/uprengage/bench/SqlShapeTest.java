package org.uprengage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlShapeTest {

  @Test
  void aCamundaTaskQueryIsASelectOfItsFirstTable() {
    assertThat(
            SqlShape.of(
                "select distinct RES.* from ACT_RU_TASK RES inner join ACT_RU_IDENTITYLINK I on"
                    + " I.TASK_ID_ = RES.ID_ WHERE RES.TENANT_ID_ in ( $1 ) LIMIT $2 OFFSET $3"))
        .isEqualTo(new SqlShape("SELECT", "act_ru_task"));
  }

  @Test
  void aCountIsToldApartFromARead() {
    assertThat(SqlShape.of("select count(distinct RES.ID_)\n  from ACT_RU_TASK RES where 1 = 1"))
        .isEqualTo(new SqlShape("SELECT count", "act_ru_task"));
  }

  @Test
  void writesAreNamedByTheirTable() {
    assertThat(SqlShape.of("insert into ACT_HI_TASKINST ( ID_, ...) values ($1, $2)"))
        .isEqualTo(new SqlShape("INSERT", "act_hi_taskinst"));
    assertThat(SqlShape.of("update ACT_RU_TASK SET REV_ = $1 where ID_= $2 and REV_ = $3"))
        .isEqualTo(new SqlShape("UPDATE", "act_ru_task"));
    assertThat(SqlShape.of("DELETE FROM public.upr_event_outbox WHERE id = $1"))
        .isEqualTo(new SqlShape("DELETE", "upr_event_outbox"));
    assertThat(SqlShape.of("insert into ACT_HI_TASKINST (ID_) values ($1)").writes()).isTrue();
  }

  @Test
  void lockingReadsAndAdvisoryLocksStandOut() {
    assertThat(SqlShape.of("SELECT * FROM upr_review WHERE id = $1 FOR UPDATE"))
        .isEqualTo(new SqlShape("SELECT for update", "upr_review"));
    assertThat(SqlShape.of("SELECT pg_try_advisory_xact_lock($1)"))
        .isEqualTo(new SqlShape("advisory lock", ""));
  }

  @Test
  void transactionControlIsItsOwnKind() {
    assertThat(SqlShape.of("BEGIN").toString()).isEqualTo("BEGIN");
    assertThat(SqlShape.of("COMMIT").toString()).isEqualTo("COMMIT");
    assertThat(SqlShape.of("ROLLBACK").toString()).isEqualTo("ROLLBACK");
    assertThat(SqlShape.of("SET application_name = $1").toString()).isEqualTo("SET");
  }
}
