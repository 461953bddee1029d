package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The format documentation page and the empty template workbook. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FormatDocWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UserDetailsService users;

    Supporter supporter;

    @BeforeEach
    void setUp() {
        long pilot = data.pilot();
        supporter = data.supporter(pilot, "POH_JEUGD", data.practice(pilot, data.municipality()));
    }

    RequestPostProcessor asSupporter() {
        return user(users.loadUserByUsername(supporter.username()));
    }

    @Test
    void pageDocumentsEveryColumnWithLabelsAndCodes() throws Exception {
        String html = mvc.perform(get("/registratiebestand").with(asSupporter()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"trajecten-afronding\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Wijze van afronding", "VERWEZEN", "Verwezen", "ZELF_AFGEROND",
                "/registratiebestand/sjabloon.xlsx", "alle 0", "eigen referentie", "D-M-JJJJ", "puntkomma");
        for (ExchangeColumns.Column column : ExchangeColumns.TRAJECTEN) {
            assertThat(html).contains("id=\"trajecten-" + column.name() + "\"");
        }
        for (ExchangeColumns.Column column : ExchangeColumns.PROFESSIONALS) {
            assertThat(html).contains("id=\"professionals-" + column.name() + "\"");
        }
    }

    @Test
    void pageNeedsSignInAndIsLinkedFromImport() throws Exception {
        mvc.perform(get("/registratiebestand")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/import").with(asSupporter()))
                .andExpect(content().string(containsString("href=\"/registratiebestand\"")));
    }

    @Test
    void templateHasTheThreeSheetsWithHeadersOnly() throws Exception {
        byte[] bytes = mvc.perform(get("/registratiebestand/sjabloon.xlsx").with(asSupporter()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(FormatDocController.TEMPLATE_CONTENT_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(0)).isEqualTo("professionals");
            assertThat(workbook.getSheetName(1)).isEqualTo("trajecten");
            assertThat(workbook.getSheetName(2)).isEqualTo("codeboek");
            Sheet trajecten = workbook.getSheet("trajecten");
            assertThat(header(trajecten)).isEqualTo(ExchangeColumns.TRAJECTEN.stream().map(ExchangeColumns.Column::name).toList());
            assertThat(trajecten.getLastRowNum()).isZero();
            Sheet professionals = workbook.getSheet("professionals");
            assertThat(header(professionals))
                    .isEqualTo(ExchangeColumns.PROFESSIONALS.stream().map(ExchangeColumns.Column::name).toList());
            assertThat(professionals.getLastRowNum()).isZero();
            Sheet codebook = workbook.getSheet("codeboek");
            boolean verwezen = false;
            for (Row row : codebook) {
                if ("afronding".equals(text(row, 1)) && "VERWEZEN".equals(text(row, 4))) {
                    verwezen = "Verwezen".equals(text(row, 5));
                }
            }
            assertThat(verwezen).as("codeboek lists afronding VERWEZEN = Verwezen").isTrue();
        }
    }

    private static List<String> header(Sheet sheet) {
        List<String> names = new ArrayList<>();
        for (Cell cell : sheet.getRow(0)) {
            names.add(cell.getStringCellValue());
        }
        return names;
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? null : cell.getStringCellValue();
    }
}
