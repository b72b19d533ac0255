package vn.motcua.engine.platform.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateType;

class TaskInboxTest {

    private enum Answer { YES }

    private record Kind(String taskKey) implements TaskKind {
        @Override
        public Role role() {
            return Role.SPECIALIST;
        }

        @Override
        public String variable() {
            return taskKey + "Decision";
        }

        @Override
        public Set<Answer> outcomes() {
            return Set.of(Answer.YES);
        }
    }

    private record Choice(Answer outcome, String comment) implements TaskDecision {
    }

    private record Tenant(String name, List<Kind> kinds) implements UserTasks<Choice> {
        @Override
        public AggregateType<?> aggregateType() {
            return new AggregateType<>(name, name + "s", name, String.class, id -> id, name);
        }

        @Override
        public Class<Choice> decisionType() {
            return Choice.class;
        }

        @Override
        public Map<String, Object> details(OpenTask task) {
            return Map.of();
        }

        @Override
        public Object decide(OpenTask task, Choice decision, Actor actor, Identity who, Map<String, Object> variables) {
            return null;
        }
    }

    @Test
    void aTaskKeyBelongsToOneTenantOnly() {
        List<UserTasks<?>> tenants = List.of(new Tenant("complaint", List.of(new Kind("answer"))),
                new Tenant("inspection", List.of(new Kind("visit"), new Kind("answer"))));
        assertThatThrownBy(() -> new TaskInbox(tenants, null, null, null, new ObjectMapper(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answer").hasMessageContaining("complaint").hasMessageContaining("inspection");
    }

    @Test
    void deadlineColourFollowsTheWarningPointAndTheDueTime() {
        Instant warnAt = Instant.parse("2026-03-02T02:00:00Z");
        Instant dueAt = Instant.parse("2026-03-05T10:00:00Z");
        assertThat(TaskItem.Deadline.of(warnAt.minusSeconds(1), warnAt, dueAt)).isEqualTo(TaskItem.Deadline.ON_TIME);
        assertThat(TaskItem.Deadline.of(warnAt, warnAt, dueAt)).isEqualTo(TaskItem.Deadline.DUE_SOON);
        assertThat(TaskItem.Deadline.of(dueAt, warnAt, dueAt)).isEqualTo(TaskItem.Deadline.OVERDUE);
        assertThat(TaskItem.Deadline.of(dueAt, null, null)).as("no deadline kept").isNull();
    }
}
