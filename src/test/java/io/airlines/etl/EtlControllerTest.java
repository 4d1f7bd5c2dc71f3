package io.airlines.etl;

import static io.airlines.support.Problems.badRequestOn;
import static io.airlines.support.Problems.notFound;
import static io.airlines.support.Problems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.airlines.reference.ReferenceCatalog;
import io.airlines.support.WebSlice;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** ETL requests: checked, queued or refused; the queue and the Lufthansa jobs are stand-ins. */
@WebSlice(EtlController.class)
class EtlControllerTest {

    static final EtlJob REFERENCES = new EtlJob("references", "", tracker -> "done");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    EtlRunStore runs;
    @MockitoBean
    EtlService etl;
    @MockitoBean
    EtlQueue queue;
    @MockitoBean
    JobRunner jobs;
    @MockitoBean
    ReferenceCatalog catalog;

    @BeforeEach
    void knownAirports() {
        when(catalog.airport("FRA")).thenReturn(Optional.of(new Document("_id", "FRA")));
        when(catalog.airport("JFK")).thenReturn(Optional.of(new Document("_id", "JFK")));
        when(etl.configured()).thenReturn(true);
    }

    @Test
    void a_job_is_queued_with_links_to_follow_it() throws Exception {
        when(etl.references()).thenReturn(REFERENCES);
        EtlRun queued = EtlRun.queued("r1", "references", "", "2026-12-05T10:00:00Z");
        when(queue.submit(REFERENCES)).thenReturn(new EtlQueue.Accepted(queued, new CompletableFuture<>()));

        mvc.perform(post("/api/v1/etl/references"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("r1"))
                .andExpect(jsonPath("$.status").value(EtlRun.QUEUED))
                .andExpect(jsonPath("$.run").value("/api/v1/etl/runs/r1"));
    }

    @Test
    void a_schedule_request_covers_its_days_from_its_date() throws Exception {
        LocalDate first = LocalDate.now().plusDays(3);
        when(etl.schedules(any(), any())).thenReturn(new EtlJob("schedules", "FRA-JFK", tracker -> "done"));
        when(queue.submit(any())).thenReturn(new EtlQueue.Accepted(
                EtlRun.queued("r2", "schedules", "FRA-JFK", "2026-12-05T10:00:00Z"), new CompletableFuture<>()));

        mvc.perform(post("/api/v1/etl/schedules?from=fra&to=JFK&date=" + first + "&days=2"))
                .andExpect(status().isAccepted());
        verify(etl).schedules(new ScheduleEtl.Pair("FRA", "JFK"), List.of(first, first.plusDays(1)));
    }

    @Test
    void a_full_queue_is_a_429_problem() throws Exception {
        when(etl.references()).thenReturn(REFERENCES);
        when(queue.submit(REFERENCES)).thenThrow(new EtlQueue.QueueFullException(16));
        mvc.perform(post("/api/v1/etl/references")).andExpect(problem(429));
    }

    @Test
    void without_credentials_nothing_is_queued_and_the_answer_is_503() throws Exception {
        when(etl.configured()).thenReturn(false);
        mvc.perform(post("/api/v1/etl/references")).andExpect(problem(503));
        verify(queue, never()).submit(any());
    }

    @ParameterizedTest(name = "POST {0} → 400 on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/etl/schedules?from=FRA&to=ZZZ             | to
            /api/v1/etl/schedules?from=FRA&to=FRA             | to
            /api/v1/etl/schedules?to=JFK&days=2               | from
            /api/v1/etl/schedules?from=FRA&to=JFK&days=40     | days
            /api/v1/etl/schedules?from=FRA&to=JFK&days=ten    | days
            /api/v1/etl/schedules?from=FRA&to=JFK&date=soon   | date
            /schedule?origin=ZZZ&destination=JFK              | origin
            """)
    void a_wrong_schedule_request_is_a_400_problem_naming_the_field(String path, String field) throws Exception {
        mvc.perform(post(path)).andExpect(badRequestOn(field));
        verify(queue, never()).submit(any());
    }

    @Test
    void run_history_checks_its_limit_and_an_unknown_run_is_a_404() throws Exception {
        mvc.perform(get("/api/v1/etl/runs?limit=0")).andExpect(badRequestOn("limit"));
        mvc.perform(get("/api/v1/etl/runs/nope")).andExpect(notFound());
    }

    @Test
    void progress_is_204_when_idle() throws Exception {
        mvc.perform(get("/api/v1/etl/progress")).andExpect(status().isNoContent());
    }
}
