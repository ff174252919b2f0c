package io.reserva.assistants;

import io.reserva.tenancy.Caller;
import io.reserva.waitlist.NewWaitlistEntry;
import io.reserva.waitlist.WaitlistEntrySource;
import io.reserva.waitlist.WaitlistManagement;
import java.util.Map;
import org.springframework.stereotype.Component;

/** join_waitlist: {@code POST /waitlist-entries} with source {@code ai_assistant}, in the assistant's organization. */
@Component
class JoinWaitlistHandler implements ToolHandler {

    private final WaitlistManagement waitlist;
    private final ToolArguments arguments;

    JoinWaitlistHandler(WaitlistManagement waitlist, ToolArguments arguments) {
        this.waitlist = waitlist;
        this.arguments = arguments;
    }

    @Override
    public AssistantTool tool() {
        return AssistantTool.JOIN_WAITLIST;
    }

    @Override
    public Object handle(Caller caller, AiAssistant assistant, Map<String, Object> args) {
        NewWaitlistEntry sent = arguments.bind(args, NewWaitlistEntry.class);
        return waitlist.create(
                caller,
                new NewWaitlistEntry(
                        null,
                        sent.serviceId(),
                        sent.contactId(),
                        sent.contact(),
                        sent.partySize(),
                        sent.kind(),
                        sent.date(),
                        sent.windowStart(),
                        sent.windowEnd(),
                        sent.notes(),
                        sent.tags(),
                        WaitlistEntrySource.AI_ASSISTANT));
    }
}
