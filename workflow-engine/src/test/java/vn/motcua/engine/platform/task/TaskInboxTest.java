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

    private static TaskKind kind(String taskKey) {
        return new TaskKind.Definition(taskKey, Role.SPECIALIST, taskKey + "Decision", Set.of(Answer.YES));
    }

    private record Choice(Answer outcome, String comment) implements TaskDecision {
    }

    private static final class Tenant extends UserTasks<Choice> {
        Tenant(String name, List<TaskKind> kinds) {
            super(new AggregateType<>(name, name + "s", name, String.class, id -> id, name), kinds, Choice.class);
        }

        @Override
        public Map<String, Object> details(OpenTask task, Map<String, Object> variables) {
            return Map.of();
        }

        @Override
        public Object decide(OpenTask task, Choice decision, Actor actor, Identity who, Map<String, Object> variables) {
            return null;
        }
    }

    @Test
    void aTaskKeyBelongsToOneTenantOnly() {
        List<UserTasks<?>> tenants = List.of(new Tenant("complaint", List.of(kind("answer"))),
                new Tenant("inspection", List.of(kind("visit"), kind("answer"))));
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
