package vn.motcua.eoffice.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.motcua.engine.audit.crypto.BouncyCastle;
import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.crypto.SignatureAlgorithms;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.audit.crypto.TimestampAuthority;

/**
 * Signs PDFs as PAdES baseline signatures (ETSI EN 319 142-1) with PDFBox external signing and a Bouncy Castle
 * CMS: B-B carries the {@code signing-certificate-v2} attribute and no {@code signing-time} (the time goes in
 * the signature dictionary's {@code /M}); B-T adds an RFC 3161 signature time-stamp; {@link #archive} makes
 * B-LT/B-LTA for records kept for years (a DSS dictionary with the certificates and CRLs, then a document
 * time-stamp). Each signature is an incremental update, so earlier ones stay valid. The visible appearance
 * follows Decree 30/2020/ND-CP Appendix I: the signer's blue signature between job title and name, the
 * agency's red seal over the left third of it, and for attachments the number/symbol and signing time
 * top-right in 10 pt. Keys come from a {@link Signer}, so a PKCS#12 file, a token or an HSM all work.
 */
public final class PadesSigner {

    /** The PAdES baseline level of a new signature; B-LT and B-LTA come from {@link #archive}. */
    public enum Level { B_B, B_T }

    /** A rectangle on a page, in PDF points from the lower-left corner. */
    public record Area(float x, float y, float width, float height) {
        PDRectangle rectangle() {
            return new PDRectangle(x, y, width, height);
        }

        public boolean contains(float px, float py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }
    }

    /**
     * Where a signer's block sits: its lower-left corner on a page (0-based). The block is {@link #WIDTH} by
     * {@link #HEIGHT} points: job title on top, the signature image, the name below.
     */
    public record Block(int page, float x, float y) {
        public static final float WIDTH = 180;
        public static final float HEIGHT = 120;
        /** A seal of about 35 mm, the usual size of an agency's seal. */
        public static final float SEAL_DIAMETER = 100;

        public Area area() {
            return new Area(x, y, WIDTH, HEIGHT);
        }

        /** The signature image, between the job title and the name. */
        public Area image() {
            return new Area(x + 15, y + 26, 150, 60);
        }

        /** The seal, centred on the image's left edge so that it covers about the left third of the image. */
        public Area seal() {
            Area image = image();
            float radius = SEAL_DIAMETER / 2;
            float centreX = image.x() + image.width() / 3 - radius;
            float centreY = image.y() + image.height() / 2;
            return new Area(centreX - radius, centreY - radius, SEAL_DIAMETER, SEAL_DIAMETER);
        }
    }

    /** How a signature looks on the page. */
    public sealed interface Appearance {
        /** No widget shown (e.g. a second technical signature). */
        record Invisible() implements Appearance {
        }

        /**
         * An official's signature: the title lines of Appendix I box 7a ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), the blue
         * signature image, the full name (box 7c). Lines and name are wrapped and shrunk to fit the block, so any
         * name or title is printed whole.
         */
        record Handwritten(Block block, List<String> titleLines, String name) implements Appearance {
            public Handwritten {
                Objects.requireNonNull(block, "block");
                titleLines = List.copyOf(titleLines);
                Objects.requireNonNull(name, "name");
            }

            /** A signer in their own right, with one title line. */
            public Handwritten(Block block, String jobTitle, String name) {
                this(block, List.of(jobTitle.toUpperCase(java.util.Locale.forLanguageTag("vi"))), name);
            }
        }

        /** The agency's red seal over the left third of the signer's image in {@code block}. */
        record Seal(Block block, String agencyName) implements Appearance {
        }

        /** An attachment sealed by the agency: no image, number/symbol and signing time top-right of page 1. */
        record AttachmentStamp(String numberSymbol) implements Appearance {
        }
    }

    /** One signature to add: whose key ({@link Signer} alias), the level, the appearance, and why. */
    public record Request(String alias, Level level, Appearance appearance, String reason, String location) {
        public Request {
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(level, "level");
            appearance = appearance == null ? new Appearance.Invisible() : appearance;
        }
    }

    /** The ISO 8601 form of the signing time in Vietnam time, as printed on attachments. */
    public static final DateTimeFormatter STAMP_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final int SIZE_ROUNDS = 5;
    private static final int FIT_ATTEMPTS = 32;
    private static final float STAMP_WIDTH = 190;
    private static final float STAMP_HEIGHT = 30;
    private static final float STAMP_MARGIN = 20;

    private final Signer signer;
    private final TimestampAuthority timestamps;
    private final Clock clock;
    private final ZoneId zone;

    public PadesSigner(Signer signer, TimestampAuthority timestamps, Clock clock) {
        this(signer, timestamps, clock, ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    public PadesSigner(Signer signer, TimestampAuthority timestamps, Clock clock, ZoneId zone) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.timestamps = timestamps;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Adds one signature to {@code pdf} in an incremental update. */
    public byte[] sign(byte[] pdf, Request request) {
        if (request.level() == Level.B_T && timestamps == null) {
            throw new IllegalStateException("PAdES B-T needs a time-stamping authority");
        }
        List<X509Certificate> chain = signer.chain(request.alias());
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Supplier<PDSignature> dictionary = () -> {
                PDSignature signature = new PDSignature();
                signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
                signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
                signature.setName(Certificates.subjectAttribute(chain.getFirst(), BCStyle.CN));
                signature.setSignDate(GregorianCalendar.from(now));
                if (request.reason() != null) {
                    signature.setReason(request.reason());
                }
                if (request.location() != null) {
                    signature.setLocation(request.location());
                }
                return signature;
            };
            byte[] template = template(document, request.appearance(), now);
            boolean timestamped = request.level() == Level.B_T;
            return exactlySigned(pdf, (target, options) -> {
                if (template != null) {
                    options.setVisualSignature(new ByteArrayInputStream(template));
                    options.setPage(page(request.appearance()));
                }
                target.addSignature(dictionary.get(), options);
            }, content -> cms(content, request.alias(), chain, timestamped));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a signature field to a freshly loaded copy of the document, with the options PDFBox will use. */
    @FunctionalInterface
    private interface Preparation {
        void addSignature(PDDocument document, SignatureOptions options) throws IOException;
    }

    /** Makes the CMS (or time-stamp token) that goes into {@code /Contents} for the bytes it covers. */
    @FunctionalInterface
    private interface ContentsMaker {
        byte[] make(byte[] signedBytes) throws IOException;
    }

    /**
     * Saves an incremental update whose {@code /Contents} is exactly the CMS, with no zero padding: Bouncy
     * Castle 1.86 (and so EU DSS on it) rejects the padding as extra data. ECDSA values and time-stamp tokens
     * vary by a few bytes, so the value is made again over the same bytes until one fits the reserved size.
     */
    private static byte[] exactlySigned(byte[] pdf, Preparation preparation, ContentsMaker maker) throws IOException {
        int size = maker.make(pdf).length;
        for (int round = 0; round < SIZE_ROUNDS; round++) {
            try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(size);
                preparation.addSignature(document, options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * size + 64 * 1024);
                ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
                byte[] content = external.getContent().readAllBytes();
                int last = size;
                for (int attempt = 0; attempt < FIT_ATTEMPTS; attempt++) {
                    byte[] value = maker.make(content);
                    if (value.length == size) {
                        external.setSignature(value);
                        return out.toByteArray();
                    }
                    last = value.length;
                }
                size = last;
            }
        }
        throw new IllegalStateException("No signature value of a stable size could be made");
    }

    /**
     * Makes the signatures of an archived record long-term (B-LT, then B-LTA): an incremental update adds a
     * DSS dictionary with every certificate found in the signatures and time-stamps plus {@code crls}, then
     * another adds a document time-stamp over all of it.
     */
    public byte[] archive(byte[] pdf, Collection<X509CRL> crls) {
        if (timestamps == null) {
            throw new IllegalStateException("PAdES B-LTA needs a time-stamping authority");
        }
        return documentTimestamp(withValidationData(pdf, crls));
    }

    /** B-LT: the DSS dictionary (ISO 32000-2 §12.8.4.3) with certificates and CRLs, in an incremental update. */
    public byte[] withValidationData(byte[] pdf, Collection<X509CRL> crls) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Map<String, byte[]> certificates = new LinkedHashMap<>();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                for (X509CertificateHolder holder : PdfCms.certificatesIn(signature.getContents(pdf))) {
                    byte[] der = holder.getEncoded();
                    certificates.putIfAbsent(Certificates.reference(Certificates.parse(der)), der);
                }
            }
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            COSDictionary dss = catalog.getCOSDictionary(COSName.getPDFName("DSS"));
            if (dss == null) {
                dss = new COSDictionary();
                dss.setItem(COSName.TYPE, COSName.getPDFName("DSS"));
                catalog.setItem(COSName.getPDFName("DSS"), dss);
            }
            COSArray certs = streams(document, dss, "Certs", certificates.values());
            List<byte[]> crlBytes = new ArrayList<>();
            for (X509CRL crl : crls) {
                crlBytes.add(Certificates.der(crl));
            }
            COSArray crlArray = streams(document, dss, "CRLs", crlBytes);
            certs.setNeedToBeUpdated(true);
            crlArray.setNeedToBeUpdated(true);
            dss.setNeedToBeUpdated(true);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** B-LTA: a document time-stamp (ETSI.RFC3161, {@code /DocTimeStamp}) over the whole file. */
    public byte[] documentTimestamp(byte[] pdf) {
        try {
            Supplier<PDSignature> dictionary = () -> {
                PDSignature signature = new PDSignature();
                signature.setType(COSName.DOC_TIME_STAMP);
                signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
                signature.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
                return signature;
            };
            return exactlySigned(pdf, (target, options) -> target.addSignature(dictionary.get(), options),
                    content -> timestamps.timestamp(sha256(content)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static COSArray streams(PDDocument document, COSDictionary dss, String key, Collection<byte[]> values)
            throws IOException {
        COSArray array = dss.getCOSArray(COSName.getPDFName(key));
        if (array == null) {
            array = new COSArray();
            dss.setItem(COSName.getPDFName(key), array);
        }
        for (byte[] value : values) {
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
                os.write(value);
            }
            stream.setNeedToBeUpdated(true);
            array.add(stream);
        }
        return array;
    }

    // --- CMS -------------------------------------------------------------------------------------------------

    private byte[] cms(byte[] content, String alias, List<X509Certificate> chain, boolean timestamped)
            throws IOException {
        try {
            X509Certificate certificate = chain.getFirst();
            X509CertificateHolder holder = new X509CertificateHolder(certificate.getEncoded());
            String algorithm = SignatureAlgorithms.forKey(certificate.getPublicKey());
            AlgorithmIdentifier signatureAlgorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(
                    SignatureAlgorithms.RSA_PSS_SHA256.equals(algorithm) ? "SHA256withRSAandMGF1" : algorithm);
            ContentSigner contentSigner = new KeySigner(signer, alias, signatureAlgorithm);

            ESSCertIDv2 id = new ESSCertIDv2(sha256(certificate.getEncoded()), new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(
                            certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber()));
            ASN1EncodableVector extra = new ASN1EncodableVector();
            extra.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
            DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(
                    new AttributeTable(extra));
            // PAdES: the signing time is the dictionary's /M, never a CMS signing-time attribute
            CMSAttributeTableGenerator signed = parameters -> standard.getAttributes(parameters)
                    .remove(CMSAttributes.signingTime);

            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                    .setSignedAttributeGenerator(signed)
                    .build(contentSigner, holder));
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData data = generator.generate(new CMSProcessableByteArray(content), false);
            if (timestamped) {
                data = withSignatureTimestamp(data);
            }
            return data.toASN1Structure().getEncoded("DER");
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cms.CMSException e) {
            throw new IllegalStateException("Cannot build the CMS signature: " + e.getMessage(), e);
        }
    }

    private CMSSignedData withSignatureTimestamp(CMSSignedData data) throws IOException {
        List<SignerInformation> signers = new ArrayList<>();
        for (SignerInformation info : data.getSignerInfos().getSigners()) {
            byte[] token = timestamps.timestamp(sha256(info.getSignature()));
            ASN1EncodableVector unsigned = new ASN1EncodableVector();
            unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ASN1Primitive.fromByteArray(token))));
            signers.add(SignerInformation.replaceUnsignedAttributes(info, new AttributeTable(unsigned)));
        }
        return CMSSignedData.replaceSigners(data, new SignerInformationStore(signers));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bouncy Castle's view of a {@link Signer} key: it collects the DER signed attributes and signs them. */
    private static final class KeySigner implements ContentSigner {
        private final Signer signer;
        private final String alias;
        private final AlgorithmIdentifier algorithm;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        KeySigner(Signer signer, String alias, AlgorithmIdentifier algorithm) {
            this.signer = signer;
            this.alias = alias;
            this.algorithm = algorithm;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return buffer;
        }

        @Override
        public byte[] getSignature() {
            return signer.sign(alias, buffer.toByteArray()).value();
        }
    }

    // --- appearance ------------------------------------------------------------------------------------------

    private static int page(Appearance appearance) {
        return switch (appearance) {
            case Appearance.Handwritten h -> h.block().page();
            case Appearance.Seal s -> s.block().page();
            case Appearance.AttachmentStamp a -> 0;
            case Appearance.Invisible i -> 0;
        };
    }

    /** A one-page PDF holding the signature field and its appearance, as PDFBox's visual signature template. */
    private byte[] template(PDDocument target, Appearance appearance, ZonedDateTime signedAt) throws IOException {
        if (appearance instanceof Appearance.Invisible) {
            return null;
        }
        PDPage targetPage = target.getPage(page(appearance));
        PDRectangle media = targetPage.getMediaBox();
        Area area = switch (appearance) {
            case Appearance.Handwritten h -> h.block().area();
            case Appearance.Seal s -> s.block().seal();
            case Appearance.AttachmentStamp a -> new Area(media.getUpperRightX() - STAMP_MARGIN - STAMP_WIDTH,
                    media.getUpperRightY() - STAMP_MARGIN - STAMP_HEIGHT, STAMP_WIDTH, STAMP_HEIGHT);
            case Appearance.Invisible i -> throw new IllegalStateException();
        };
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(media);
            document.addPage(page);
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().getFirst();
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(area.rectangle());
            widget.setPrinted(true);

            PDStream stream = new PDStream(document);
            PDFormXObject xObject = new PDFormXObject(stream);
            xObject.setResources(new PDResources());
            xObject.setFormType(1);
            xObject.setBBox(new PDRectangle(area.width(), area.height()));
            PDAppearanceDictionary appearances = new PDAppearanceDictionary();
            appearances.getCOSObject().setDirect(true);
            PDAppearanceStream normal = new PDAppearanceStream(xObject.getCOSObject());
            appearances.setNormalAppearance(normal);
            widget.setAppearance(appearances);
            try (PDPageContentStream content = new PDPageContentStream(document, normal)) {
                draw(document, content, appearance, area, signedAt);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private void draw(PDDocument document, PDPageContentStream content, Appearance appearance, Area area,
            ZonedDateTime signedAt) throws IOException {
        switch (appearance) {
            case Appearance.Handwritten h -> {
                PDType0Font bold = font(document, "LiberationSerif-Bold.ttf");
                Area image = h.block().image();
                float imageTop = image.y() - area.y() + image.height();
                float imageBottom = image.y() - area.y();
                // the title lines fill the band above the image, top down; the name the band below it
                Fitted titles = fit(bold, h.titleLines(), area.width() - 4, area.height() - imageTop - 2);
                titles.draw(content, bold, area.width(), area.height() - 1);
                PDImageXObject scribble = LosslessFactory.createFromImage(document,
                        SignatureImages.signature(h.name()));
                content.drawImage(scribble, image.x() - area.x(), imageBottom, image.width(), image.height());
                Fitted name = fit(bold, List.of(h.name()), area.width() - 4, imageBottom - 2);
                name.draw(content, bold, area.width(), imageBottom - 1);
            }
            case Appearance.Seal s -> {
                PDImageXObject seal = LosslessFactory.createFromImage(document, SignatureImages.seal(s.agencyName()));
                content.drawImage(seal, 0, 0, area.width(), area.height());
            }
            case Appearance.AttachmentStamp a -> {
                PDType0Font regular = font(document, "LiberationSerif-Regular.ttf");
                content.setNonStrokingColor(0f, 0f, 0f);
                right(content, regular, 10, a.numberSymbol(), area.width(), area.height() - 11);
                right(content, regular, 10, STAMP_TIME.format(signedAt), area.width(), area.height() - 24);
            }
            case Appearance.Invisible i -> {
            }
        }
    }

    private static final float MAX_TEXT_SIZE = 11;
    private static final float MIN_TEXT_SIZE = 4;
    private static final float LEADING = 1.15f;

    /** Lines wrapped at a size that fits a box. */
    private record Fitted(List<String> lines, float size) {
        /** Draws the lines centred, the first one's top at {@code top}. */
        void draw(PDPageContentStream content, PDType0Font font, float width, float top) throws IOException {
            float baseline = top - size * 0.9f;
            for (String line : lines) {
                centred(content, font, size, line, width, baseline);
                baseline -= size * LEADING;
            }
        }
    }

    /**
     * The largest size from {@value #MAX_TEXT_SIZE} pt down at which {@code texts}, each wrapped at spaces (and a word
     * wider than the box broken between letters), fit {@code width} by {@code height}; at the smallest size the
     * lines are kept whole even if they overflow, since a signer's title or name is never cut.
     */
    static Fitted fit(PDType0Font font, List<String> texts, float width, float height) throws IOException {
        List<String> lines = List.of();
        float size = MAX_TEXT_SIZE;
        for (; size >= MIN_TEXT_SIZE; size -= 0.5f) {
            lines = new ArrayList<>();
            for (String text : texts) {
                lines.addAll(wrap(font, size, text.strip(), width));
            }
            if (lines.size() * size * LEADING <= height) {
                return new Fitted(lines, size);
            }
        }
        return new Fitted(lines, MIN_TEXT_SIZE);
    }

    private static List<String> wrap(PDType0Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word wider than the box is broken between code points
            int start = 0;
            int end = 0;
            while (end < word.length()) {
                int next = word.offsetByCodePoints(end, 1);
                if (end > start && width(font, size, word.substring(start, next)) > width) {
                    lines.add(word.substring(start, end));
                    start = end;
                }
                end = next;
            }
            line.append(word.substring(start));
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static void centred(PDPageContentStream content, PDType0Font font, float size, String text, float width,
            float baseline) throws IOException {
        float textWidth = font.getStringWidth(text) / 1000 * size;
        show(content, font, size, text, Math.max(0, (width - textWidth) / 2), baseline);
    }

    private static void right(PDPageContentStream content, PDType0Font font, float size, String text, float width,
            float baseline) throws IOException {
        float textWidth = font.getStringWidth(text) / 1000 * size;
        show(content, font, size, text, Math.max(0, width - textWidth - 2), baseline);
    }

    private static void show(PDPageContentStream content, PDType0Font font, float size, String text, float x,
            float y) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    static PDType0Font font(PDDocument document, String file) throws IOException {
        try (InputStream in = PadesSigner.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing font resource /fonts/" + file);
            }
            return PDType0Font.load(document, in, true);
        }
    }
}
