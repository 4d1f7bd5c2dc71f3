package io.airlines.etl;

import java.util.List;

import io.airlines.reference.ApiParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "ETL", description = "Lufthansa reference and schedule jobs, run history")
public class EtlController {

    private final EtlRunStore runs;

    public EtlController(EtlRunStore runs) {
        this.runs = runs;
    }

    @GetMapping("/api/v1/etl/runs")
    @Operation(summary = "ETL runs, newest first")
    public List<EtlRun> runs(@Parameter(description = "1..1000, default 100") @RequestParam(required = false) Integer limit) {
        return runs.recent(ApiParams.limit(limit, 100));
    }
}
