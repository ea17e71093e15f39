/*
 * Mirage.NET ARMv7-A boot stub and architecture layer (xen-arm target).
 *
 * The image is a Linux zImage: Xen's ARM domain builder, U-Boot's bootz and QEMU's -kernel all
 * load it and jump to its first word in ARM state, MMU and caches off, with
 *   r0 = 0, r1 = machine type, r2 = device tree (or, from old loaders, an ATAG list).
 * The stub moves the image to its link address if it was loaded elsewhere (Xen loads at RAM
 * base + 32 KiB, QEMU at + 64 KiB), leaves HYP mode if it was entered there, zeroes .bss, sets
 * up stacks, the exception vectors, VFP/NEON and an identity-mapped MMU (unaligned accesses
 * need Normal memory), then calls into C#:
 *   mirage_runtime_initialize(__modules_start, __modules_end)   (Mirage.CoreLib)
 *   mirage_xen_arm_initialize()                                 (platform binding)
 *   __managed__Main(0, 0)                                       (ilc's entry)
 *   mirage_platform_exit(result)
 * Interrupts are masked except while the CPU waits (wfi, or SCHEDOP_block, which unmasks them
 * on ARM): the IRQ handler acknowledges every pending interrupt at the GIC, notes the SGIs and
 * PPIs it saw for the platform binding, and returns with interrupts masked again.
 * The rest are primitives C# cannot express (coprocessor registers, hvc, semihosting) and the
 * register conventions ilc's ARM code requires (64-bit shifts and multiply, write barriers,
 * interface dispatch stubs).
 */
        .syntax unified
        .arch armv7-a
        .arch_extension virt
        .arch_extension sec
        .fpu vfpv3-d16

        .set MODE_SVC, 0x13
        .set MODE_ABT, 0x17
        .set MODE_UND, 0x1b
        .set MODE_HYP, 0x1a
        .set MODE_IRQ, 0x12
        .set MASK_AIF, 0x1c0

/* ---- zImage header and entry (ARM state) ---- */
        .section .text.boot, "ax"
        .arm
        .globl _start
_start:
        .rept 8
        mov   r0, r0
        .endr
        b     entry                               /* 0x20 */
        .word 0x016F2818                          /* 0x24: zImage magic */
        .word 0                                   /* 0x28: start 0 = loadable anywhere */
        .word __image_file_end - _start           /* 0x2c: end = image size */
        .word 0x04030201                          /* 0x30: little-endian */

entry:
        cpsid aif
        mov   r11, r2

        /* QEMU with virtualization=on enters in HYP mode: continue in SVC, as a Xen guest does. */
        mrs   r4, cpsr
        and   r5, r4, #0x1f
        cmp   r5, #MODE_HYP
        bne   1f
        bic   r4, r4, #0x1f
        orr   r4, r4, #MODE_SVC
        orr   r4, r4, #MASK_AIF
        msr   spsr_hyp, r4
        adr   r4, 1f
        msr   elr_hyp, r4
        eret
1:
        /* Position independence: copy the image to where it was linked. Copying down (the
           image was loaded above its link address, as QEMU does) runs the loop from the image's
           tail, which the copy never reaches; copying up runs it here, at the head. */
        adr   r4, _start
        ldr   r5, =_start
        cmp   r4, r5
        beq   relocated
        ldr   r6, =__image_file_end
        sub   r6, r6, r5
        bhi   2f
        add   r7, r4, r6                          /* destination above source: copy downwards */
        add   r8, r5, r6
1:      ldr   r9, [r7, #-4]!
        str   r9, [r8, #-4]!
        cmp   r8, r5
        bhi   1b
        b     relocation_done
2:      ldr   r7, =relocate_down
        sub   r7, r7, r5
        add   r7, r7, r4
        bx    r7
relocation_done:
        mov   r9, #0
        mcr   p15, 0, r9, c7, c5, 0               /* ICIALLU: the copied code is new */
        mcr   p15, 0, r9, c7, c5, 6               /* BPIALL */
        dsb
        isb
        ldr   pc, =relocated

relocated:
        /* .bss, then the boot registers (they live in .bss) */
        ldr   r4, =__bss_start
        ldr   r5, =__bss_end
        mov   r6, #0
6:      cmp   r4, r5
        strlo r6, [r4], #4
        blo   6b
        ldr   r4, =boot_params
        str   r11, [r4]

        /* The generic timer's count at entry, when the CPU has one (ID_PFR1.GenTimer): the
           origin of the monotonic clock, so that boot time is measured from the first instruction. */
        mrc   p15, 0, r4, c0, c1, 1
        tst   r4, #0xF0000
        beq   7f
        isb
        mrrc  p15, 1, r6, r7, c14                 /* CNTVCT */
        ldr   r4, =boot_counter
        strd  r6, r7, [r4]
7:
        /* Stacks: abort and undefined-instruction handlers report on a stack of their own. */
        cps   #MODE_ABT
        ldr   sp, =fault_stack_top
        cps   #MODE_UND
        ldr   sp, =fault_stack_top
        cps   #MODE_IRQ
        ldr   sp, =irq_stack_top
        cps   #MODE_SVC
        ldr   sp, =stack_top

        /* VFP and Advanced SIMD: CPACR cp10/cp11 full access, then FPEXC.EN. */
        mrc   p15, 0, r4, c1, c0, 2
        orr   r4, r4, #(0xF << 20)
        mcr   p15, 0, r4, c1, c0, 2
        isb
        mov   r4, #0x40000000
        vmsr  fpexc, r4
        mov   r4, #0
        vmsr  fpscr, r4

        ldr   r4, =vectors
        mcr   p15, 0, r4, c12, c0, 0              /* VBAR */

        bl    enable_mmu

        ldr   r0, =__modules_start
        ldr   r1, =__modules_end
        ldr   r12, =mirage_runtime_initialize
        blx   r12
        ldr   r12, =mirage_xen_arm_initialize
        blx   r12
        mov   r0, #0
        mov   r1, #0
        ldr   r12, =__managed__Main
        blx   r12
        ldr   r12, =mirage_platform_exit
        blx   r12
8:      wfi
        b     8b

/*
 * One-level translation table of 1 MiB sections, identity-mapped. The first MiB is left
 * unmapped so that a null dereference faults; 0x00100000-0x37FFFFFF is Device memory (where
 * boards put their peripherals: the GIC, UARTs, timers); 0x38000000 and up is Normal
 * write-back memory: RAM at 0x40000000 on every supported board and, on Xen, the grant-table
 * and magic-page areas just below it, which the hypervisor and dom0 map cacheable too.
 */
        .set SECTION_DEVICE, 0x00000C16           /* AP=11, XN, B (shareable device), section */
        .set SECTION_NORMAL, 0x00011C0E           /* S, TEX=001, AP=11, C, B (write-back, write-allocate), section */
enable_mmu:
        ldr   r4, =page_table
        mov   r5, #0
        ldr   r6, =SECTION_DEVICE
        ldr   r7, =SECTION_NORMAL
1:      lsl   r8, r5, #20
        cmp   r5, #0x380
        orrlo r8, r8, r6
        orrhs r8, r8, r7
        cmp   r5, #0
        moveq r8, #0
        str   r8, [r4, r5, lsl #2]
        add   r5, r5, #1
        cmp   r5, #4096
        blo   1b
        mov   r5, #0
        mcr   p15, 0, r5, c2, c0, 2               /* TTBCR: short descriptors, TTBR0 only */
        mcr   p15, 0, r4, c2, c0, 0               /* TTBR0 (non-cacheable walks: the table was written with caches off) */
        mov   r5, #1
        mcr   p15, 0, r5, c3, c0, 0               /* DACR: domain 0 client */
        mov   r5, #0
        mcr   p15, 0, r5, c8, c7, 0               /* TLBIALL */
        mcr   p15, 0, r5, c7, c5, 0               /* ICIALLU */
        dsb
        isb
        mrc   p15, 0, r5, c1, c0, 0               /* SCTLR */
        bic   r5, r5, #(1 << 1)                   /* A: unaligned accesses allowed */
        bic   r5, r5, #(1 << 13)                  /* V: vectors at VBAR */
        bic   r5, r5, #(3 << 28)                  /* TRE, AFE */
        bic   r5, r5, #(1 << 30)                  /* TE: exceptions taken in ARM state */
        orr   r5, r5, #(1 << 0)                   /* M */
        orr   r5, r5, #(1 << 2)                   /* C */
        orr   r5, r5, #(1 << 11)                  /* Z */
        orr   r5, r5, #(1 << 12)                  /* I */
        mcr   p15, 0, r5, c1, c0, 0
        isb
        bx    lr

        .ltorg

/* Linked last in the image (see the linker script): r4 = source, r5 = destination, r6 = size. */
        .section .mirage.relocate, "ax"
        .arm
relocate_down:
        mov   r7, r4
        mov   r8, r5
        add   r6, r5, r6
1:      ldr   r9, [r7], #4
        str   r9, [r8], #4
        cmp   r8, r6
        blo   1b
        ldr   r9, =relocation_done
        bx    r9
        .ltorg

        .section .text.boot, "ax"
        .arm
/* ---- exception vectors: anything but a masked interrupt is a fatal fault, reported by C# ---- */
        .p2align 5
vectors:
        b     fault_reset
        b     fault_undefined
        b     fault_svc
        b     fault_prefetch
        b     fault_data
        b     fault_reset
        b     irq_entry
        b     fault_irq

/* IRQ: drain the GIC CPU interface (acknowledge, end), remember interrupts 0-31 (SGIs and
   PPIs: the timer, Xen's event channel), and return with IRQs masked. The virtual timer is
   level-triggered, so it is switched off here; the platform re-arms it before each wait. */
irq_entry:
        sub   lr, lr, #4
        push  {r0-r3, r12, lr}
        ldr   r0, =gic_cpu_base
        ldr   r0, [r0]
        cmp   r0, #0
        beq   2f
        mov   r1, #0
        mcr   p15, 0, r1, c14, c3, 1              /* CNTV_CTL = 0 */
        isb
1:      ldr   r1, [r0, #0x0C]                     /* GICC_IAR */
        ubfx  r2, r1, #0, #10
        cmp   r2, #1020
        bhs   2f                                  /* 1020-1023: nothing (more) pending */
        str   r1, [r0, #0x10]                     /* GICC_EOIR */
        cmp   r2, #32
        bhs   1b
        mov   r12, #1
        lsl   r12, r12, r2
        ldr   r3, =irq_seen
        ldr   r2, [r3]
        orr   r2, r2, r12
        str   r2, [r3]
        b     1b
2:      mrs   r0, spsr
        orr   r0, r0, #0x80
        msr   spsr_cxsf, r0
        pop   {r0-r3, r12, lr}
        movs  pc, lr

fault_reset:
        mov   r0, #0
        mov   r2, #0
        mov   r3, #0
        b     fault_common
fault_undefined:
        mrs   r0, spsr
        tst   r0, #0x20                           /* Thumb: the instruction was 2 bytes back (or 4: best effort) */
        subne lr, lr, #2
        subeq lr, lr, #4
        mov   r0, #1
        mov   r2, #0
        mov   r3, #0
        b     fault_common
fault_svc:
        sub   lr, lr, #2
        mov   r0, #2
        mov   r2, #0
        mov   r3, #0
        b     fault_common
fault_prefetch:
        sub   lr, lr, #4
        mov   r0, #3
        mrc   p15, 0, r2, c6, c0, 2               /* IFAR */
        mrc   p15, 0, r3, c5, c0, 1               /* IFSR */
        b     fault_common
fault_data:
        sub   lr, lr, #8
        mov   r0, #4
        mrc   p15, 0, r2, c6, c0, 0               /* DFAR */
        mrc   p15, 0, r3, c5, c0, 0               /* DFSR */
        b     fault_common
fault_irq:
        sub   lr, lr, #4
        mov   r0, #5
        mov   r2, #0
        mov   r3, #0
fault_common:
        mov   r1, lr
        cps   #MODE_ABT                           /* one stack for every fault kind (SVC's may be the culprit) */
        ldr   sp, =fault_stack_top
        /* exceptions.S: a null-page access in managed code becomes a NullReferenceException;
           anything else is reported by mirage_arch_fault (C#), which stops. */
        b     mirage_eh_cpu_exception

        .ltorg

/* ---- primitives for the platform binding (Thumb-2, AAPCS hard-float) ---- */
        .text
        .thumb

        .macro function name
        .globl \name
        .type \name, %function
        .thumb_func
\name:
        .endm

function mirage_arch_boot_params
        ldr   r0, =boot_params
        ldr   r0, [r0]
        bx    lr

        /* ulong: CNTVCT at entry (0 without a generic timer) */
function mirage_arch_boot_counter
        ldr   r2, =boot_counter
        ldrd  r0, r1, [r2]
        bx    lr

function mirage_arch_image_end
        ldr   r0, =__image_end
        bx    lr

function mirage_arch_read_id_pfr1
        mrc   p15, 0, r0, c0, c1, 1
        bx    lr

function mirage_arch_read_counter_frequency
        mrc   p15, 0, r0, c14, c0, 0              /* CNTFRQ */
        bx    lr

        /* ulong: the virtual count (CNTVCT); isb so that it is not read early */
function mirage_arch_read_virtual_counter
        isb
        mrrc  p15, 1, r0, r1, c14
        bx    lr

        /* void (ulong compare in r0:r1, uint control in r2): CNTV_CVAL then CNTV_CTL */
function mirage_arch_set_virtual_timer
        mcrr  p15, 3, r0, r1, c14
        mcr   p15, 0, r2, c14, c3, 1
        isb
        bx    lr

        /* Waits for an interrupt (wfi wakes on a pending one even while masked), then lets the
           IRQ handler take it. */
function mirage_arch_wait_for_interrupt
        dsb
        wfi
        cpsie i
        isb
        cpsid i
        bx    lr

        /* SCHEDOP_block: sleeps until an event or interrupt is pending for this vCPU. Xen on ARM
           returns with IRQs unmasked, so the pending one is taken at once by the IRQ handler. */
function mirage_arch_xen_block
        push  {r4, lr}                            /* debug hypervisors clobber unused argument registers */
        mov   r12, #29
        mov   r0, #1
        mov   r1, #0
        hvc   #0xEA1
        cpsie i
        isb
        cpsid i
        pop   {r4, pc}

        /* void (nint base): the GIC CPU interface the IRQ handler acknowledges at (0: none) */
function mirage_arch_set_gic_cpu_interface
        ldr   r1, =gic_cpu_base
        str   r0, [r1]
        bx    lr

        /* uint: the interrupts 0-31 seen since the last call (bit n = interrupt n) */
function mirage_arch_take_interrupts
        cpsid i
        ldr   r1, =irq_seen
        ldr   r0, [r1]
        mov   r2, #0
        str   r2, [r1]
        bx    lr

        /* int (ulong* word, int bit): clears the bit with ldrex/strex and returns its old value (0 or 1).
           Xen sets pending bits from other physical CPUs with exclusive accesses; a plain
           read-modify-write here could undo one it set meanwhile. Little-endian: bit n of the
           64-bit word is bit n % 32 of its 32-bit half n / 32. */
function mirage_arch_test_and_clear_bit
        lsr   r2, r1, #5
        add   r0, r0, r2, lsl #2
        and   r1, r1, #31
        mov   r3, #1
        lsl   r3, r3, r1
        dmb   ish
1:      ldrex r2, [r0]
        bic   r12, r2, r3
        strex r1, r12, [r0]
        cmp   r1, #0
        bne   1b
        dmb   ish
        tst   r2, r3
        ite   ne
        movne r0, #1
        moveq r0, #0
        bx    lr

        /* nint (nint op, nint a1, nint a2, nint a3, nint a4, nint a5): Xen's ARM convention is
           r0-r4 for the arguments and r12 for the number; debug hypervisors clobber r1-r4, r12. */
function mirage_arch_hypercall
        push  {r4, lr}
        mov   r12, r0
        mov   r0, r1
        mov   r1, r2
        mov   r2, r3
        ldr   r3, [sp, #8]
        ldr   r4, [sp, #12]
        hvc   #0xEA1
        pop   {r4, pc}

        /* nint (nint operation, nint parameter): ARM semihosting from Thumb state */
function mirage_arch_semihosting
        svc   #0xAB
        bx    lr

/* ---- ilc's register-convention helpers ---- */

        /* Write barriers (docs/gc.md): the store, then, when a non-null reference lands in the
           heap, the card of the slot is marked so that a minor collection finds old objects
           that may now refer to young ones. The JIT lets these trash r0, r3, r12 and lr (the
           by-ref form r2 too, and it advances r0 and r1). Before the heap is laid out its size
           is 0 and no card is marked. */
        /* Marks the card of the slot at \slot (a non-null reference was just stored there), or
           branches to the caller's next "1:" when the slot is outside the heap. Trashes \slot,
           \scratch and r12. */
        .macro MARK_CARD slot, scratch
        movw  r12, #:lower16:write_barrier_table
        movt  r12, #:upper16:write_barrier_table
        ldr   \scratch, [r12]
        subs  \slot, \slot, \scratch
        ldr   \scratch, [r12, #4]
        cmp   \slot, \scratch
        bhs   1f
        ldr   \scratch, [r12, #8]
        add   \scratch, \scratch, \slot, lsr #9
        movs  \slot, #1
        strb  \slot, [\scratch]
        .endm

function RhpAssignRef
function RhpCheckedAssignRef
        str   r1, [r0]
        cbz   r1, 1f
        MARK_CARD r0, r3
1:      bx    lr

        /* *r0 = *r1; r0 += 4; r1 += 4 (struct copies containing references) */
function RhpByRefAssignRef
        ldr   r2, [r1], #4
        str   r2, [r0], #4
        cbz   r2, 1f
        sub   r3, r0, #4                          /* the slot just stored to (r0 has moved on) */
        MARK_CARD r3, r2
1:      bx    lr

        /* (heap start, heap size, card table): Mirage.CoreLib's CardTable.Initialize */
function mirage_gc_set_write_barrier_table
        movw  r12, #:lower16:write_barrier_table
        movt  r12, #:upper16:write_barrier_table
        str   r0, [r12]
        str   r1, [r12, #4]
        str   r2, [r12, #8]
        bx    lr

        /* long (long a in r0:r1, long b in r2:r3): the low 64 bits of the product */
function RhpLMul
        mul   r12, r0, r3
        mla   r12, r1, r2, r12
        umull r0, r1, r0, r2
        add   r1, r1, r12
        bx    lr

        /* long (long value in r0:r1, int shift in r2): shifts by (shift & 63), as .NET defines */
function RhpLLsh
        and   r2, r2, #63
        subs  r3, r2, #32
        bpl   1f
        rsb   r3, r2, #32
        lsl   r1, r1, r2
        lsr   r12, r0, r3
        orr   r1, r1, r12
        lsl   r0, r0, r2
        bx    lr
1:      lsl   r1, r0, r3
        mov   r0, #0
        bx    lr

function RhpLRsz
        and   r2, r2, #63
        subs  r3, r2, #32
        bpl   1f
        rsb   r3, r2, #32
        lsr   r0, r0, r2
        lsl   r12, r1, r3
        orr   r0, r0, r12
        lsr   r1, r1, r2
        bx    lr
1:      lsr   r0, r1, r3
        mov   r1, #0
        bx    lr

function RhpLRsh
        and   r2, r2, #63
        subs  r3, r2, #32
        bpl   1f
        rsb   r3, r2, #32
        lsr   r0, r0, r2
        lsl   r12, r1, r3
        orr   r0, r0, r12
        asr   r1, r1, r2
        bx    lr
1:      asr   r0, r1, r3
        asr   r1, r1, #31
        bx    lr

        /* Interface dispatch, first call at a site: r12 = cell, r0 = this. The argument
           registers (r0-r3, d0-d7) and the stack must reach the target unchanged. */
function RhpInitialDynamicInterfaceDispatch
        push  {r0-r4, lr}                         /* r4 only keeps the stack 8-byte aligned */
        vpush {d0-d7}
        mov   r1, r12
        bl    mirage_runtime_resolve_interface
        mov   r12, r0
        vpop  {d0-d7}
        pop   {r0-r4, lr}
        bx    r12

        /* Interface dispatch after the first call: r12 = cell whose cache word points at a
           Mirage.CoreLib DispatchCache (interface, slot, next: 12 bytes, then {type, target}
           entries ending with a null type). */
function mirage_dispatch_cached
        push  {r4-r6}
        ldr   r4, [r0]                            /* receiver's MethodTable (null: the fault handler reports it) */
        ldr   r5, [r12, #4]
        add   r5, r5, #12
1:      ldr   r6, [r5]
        cbz   r6, 3f
        cmp   r6, r4
        beq   2f
        add   r5, r5, #8
        b     1b
2:      ldr   r12, [r5, #4]
        pop   {r4-r6}
        bx    r12
3:      pop   {r4-r6}
        b.w   RhpInitialDynamicInterfaceDispatch

function mirage_arch_dispatch_cached_stub
        ldr   r0, =mirage_dispatch_cached         /* a Thumb function: the address carries bit 0 */
        bx    lr

        /* EHABI personality routines named by ilc's unwind tables. Mirage.CoreLib's unwinder
           decodes the tables itself and never calls them. */
function __aeabi_unwind_cpp_pr0
        bx    lr
function __aeabi_unwind_cpp_pr1
        bx    lr

        /* Bytewise up to a word boundary, then eight words per store-multiple, two words, the
           tail: the collector zeroes everything it hands out with this, and under QEMU TCG an
           instruction costs about the same whatever it stores (two words per iteration left
           zeroing a third of an allocation-heavy program's time). */
function memset
        mov   r12, r0
        and   r1, r1, #0xff
        orr   r1, r1, r1, lsl #8
        orr   r1, r1, r1, lsl #16
1:      cbz   r2, 4f
        tst   r12, #3
        beq   2f
        strb  r1, [r12], #1
        subs  r2, r2, #1
        b     1b
2:      mov   r3, r1
        cmp   r2, #32
        blo   7f
        push  {r4-r9}
        mov   r4, r1
        mov   r5, r1
        mov   r6, r1
        mov   r7, r1
        mov   r8, r1
        mov   r9, r1
        sub   r2, r2, #32
8:      stmia r12!, {r1, r3-r9}
        subs  r2, r2, #32
        bhs   8b
        add   r2, r2, #32
        pop   {r4-r9}
7:      subs  r2, r2, #8
        blo   3f
5:      stmia r12!, {r1, r3}
        subs  r2, r2, #8
        bhs   5b
3:      adds  r2, r2, #8
        beq   4f
6:      strb  r1, [r12], #1
        subs  r2, r2, #1
        bne   6b
4:      bx    lr

        /* Block copies ilc emits calls to: when source and destination share their alignment within
           a word, bytewise up to a word boundary, then eight words per load/store-multiple, one
           word, the tail; bytewise otherwise (ARMv7 faults on some unaligned accesses). */
function memcpy
        mov   r12, r0
        cbz   r2, 9f
        eor   r3, r0, r1
        tst   r3, #3
        bne   5f
1:      tst   r1, #3
        beq   2f
        ldrb  r3, [r1], #1
        strb  r3, [r12], #1
        subs  r2, r2, #1
        bne   1b
        bx    lr
2:      cmp   r2, #32
        blo   4f
        push  {r4-r10}
        sub   r2, r2, #32
3:      ldmia r1!, {r3-r10}
        stmia r12!, {r3-r10}
        subs  r2, r2, #32
        bhs   3b
        add   r2, r2, #32
        pop   {r4-r10}
4:      subs  r2, r2, #4
        blo   6f
7:      ldr   r3, [r1], #4
        str   r3, [r12], #4
        subs  r2, r2, #4
        bhs   7b
6:      adds  r2, r2, #4
        beq   9f
5:      ldrb  r3, [r1], #1
        strb  r3, [r12], #1
        subs  r2, r2, #1
        bne   5b
9:      bx    lr

        /* The garbage collector's roots (docs/gc.md): spill the callee-saved registers, which
           may hold the only reference to an object a caller is using, next to the stack, then
           let C# scan from here up with the image's writable data ranges. */
function mirage_platform_gc_roots
        push  {r4-r11, lr}
        sub   sp, sp, #4                          /* 8-byte alignment for the call */
        mov   r0, sp
        ldr   r1, =gc_root_ranges
        bl    mirage_gc_scan_roots
        add   sp, sp, #4
        pop   {r4-r11, pc}

        .ltorg

        .section .rodata
        .p2align 2
        /* {writable data start, main stack bottom, main stack top, .bss end} */
gc_root_ranges:
        .word __data_start, stack, stack_top, __bss_end

        .data
        .p2align 2
        /* Stack-protector cookie ilc's code compares against (methods with stackalloc); defined
           here because ilc's ARM code must not import data (it would read a branch thunk). */
        .globl __security_cookie
__security_cookie:
        .word 0x2DDFA232
        /* {heap start, heap size, card table} for the write barriers */
write_barrier_table:
        .word 0, 0, 0

        .section .bss
        .p2align 14
page_table:     .space 16384
        .p2align 3
stack:          .space 256 * 1024
stack_top:
fault_stack:    .space 16 * 1024
fault_stack_top:
irq_stack:      .space 1024
irq_stack_top:
gic_cpu_base:   .space 4
irq_seen:       .space 4
boot_counter:   .space 8
boot_params:    .space 4
